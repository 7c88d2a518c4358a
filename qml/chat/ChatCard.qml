pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Countersign

// One card in the chat (a tool call, its result, what a call waits on): white and rounded, with a
// coloured edge for what it is. A card with an expiry counts down while it is still open.
Pane {
    id: card

    property color accent: Material.color(Material.Indigo)
    // ISO 8601, as the chat's expiresAt role gives it; "" for none.
    property string expiresAt
    property bool open: true
    property int secondsLeft: Countdown.secondsUntil(card.expiresAt)

    padding: 14
    // Room for the coloured edge, which is at the start (mirrored: on the right); padding is not
    // mirrored by itself.
    leftPadding: card.mirrored ? 14 : 18
    rightPadding: card.mirrored ? 18 : 14
    opacity: card.open ? 1 : 0.7
    Accessible.role: Accessible.Grouping

    background: CardBackground {
        Rectangle {
            width: 4
            radius: 2
            color: card.accent
            anchors.left: parent.left
            anchors.top: parent.top
            anchors.bottom: parent.bottom
            anchors.margins: 1
        }
    }

    Timer {
        interval: 1000
        repeat: true
        running: card.open && card.expiresAt !== "" && card.visible
        onTriggered: card.secondsLeft = Countdown.secondsUntil(card.expiresAt)
    }
}
