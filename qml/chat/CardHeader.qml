pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Countersign

// The first line of a card: what it is about and, while the card is open and has an expiry, the
// time left (red in the last minute).
RowLayout {
    id: header

    // The card this heads: whether it is open, and its time left.
    required property ChatCard owner
    required property string title
    property alias titleObjectName: titleLabel.objectName
    property alias timeLeftObjectName: timeLeftLabel.objectName

    spacing: 8
    Layout.fillWidth: true

    Label {
        id: titleLabel
        text: header.title
        textFormat: Text.PlainText
        horizontalAlignment: Text.AlignLeft
        font.weight: Font.DemiBold
        font.pixelSize: 16
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Label {
        id: timeLeftLabel
        visible: header.owner.open && header.owner.expiresAt !== ""
        text: Countdown.timeLeft(header.owner.secondsLeft)
        textFormat: Text.PlainText
        color: header.owner.secondsLeft < 60 ? Material.color(Material.Red, Material.Shade800) : Material.secondaryTextColor
        font.pixelSize: 13
    }
}
