pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Countersign

// A message in the chat: the person's on the right (tinted), the agent's on the left (white).
// The text may come from a language model, so it is plain text, never markup.
Item {
    id: bubble

    property string text
    property bool mine: false
    // The agent's reply while it is still coming in.
    property bool streaming: false

    implicitHeight: box.height
    Accessible.role: Accessible.StaticText
    Accessible.name: (bubble.mine ? qsTr("You: %1") : qsTr("Agent: %1")).arg(bubble.text)

    Rectangle {
        id: box

        width: Math.min(bubble.width * 0.85, messageText.implicitWidth + 28)
        height: messageText.implicitHeight + 20
        anchors.right: bubble.mine ? bubble.right : undefined
        anchors.left: bubble.mine ? undefined : bubble.left
        radius: 12
        color: bubble.mine ? Material.color(Material.Indigo, Material.Shade50) : Theme.surface
        border.color: bubble.mine ? Material.color(Material.Indigo, Material.Shade100) : Theme.cardBorder

        Label {
            id: messageText
            objectName: bubble.objectName + "_text"
            x: 14
            y: 10
            width: Math.min(implicitWidth, bubble.width * 0.85 - 28)
            text: bubble.streaming ? bubble.text + " ▍" : bubble.text
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            font.pixelSize: 15
            Accessible.ignored: true
        }
    }
}
