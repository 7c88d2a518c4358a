pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Countersign

// A call waits for the person's approval in the inbox (CIBA): the binding message to compare on
// both screens, the time left, and the way to the request.
ChatCard {
    id: card

    required property int index
    required property string callId
    required property string bindingMessage
    required property bool superseded
    // Unique among the window's cards: the open card of a call is named after the call alone.
    readonly property string key: card.open ? card.callId : card.callId + "_" + card.index

    signal openInInbox(string bindingMessage)

    objectName: "approval_" + card.key
    accent: card.open ? Material.color(Material.Amber, Material.Shade700) : Material.color(Material.Grey)
    Accessible.name: [titleLabel.text, card.bindingMessage, card.open ? card.timeLeft(card.secondsLeft) : ""].join(". ")

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        RowLayout {
            spacing: 8
            Layout.fillWidth: true

            Label {
                id: titleLabel
                objectName: "approvalTitle_" + card.key
                text: card.open ? qsTr("Waiting for your approval")
                                : card.superseded ? qsTr("Replaced by a newer request") : qsTr("No longer waiting")
                textFormat: Text.PlainText
                font.weight: Font.DemiBold
                font.pixelSize: 16
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                objectName: "timeLeft_" + card.key
                visible: card.open && card.expiresAt !== ""
                text: card.timeLeft(card.secondsLeft)
                textFormat: Text.PlainText
                color: card.secondsLeft < 60 ? Material.color(Material.Red, Material.Shade800) : Material.secondaryTextColor
                font.pixelSize: 13
            }
        }
        Label {
            visible: card.open
            text: qsTr("Check that your inbox shows the same message, then decide there:")
            textFormat: Text.PlainText
            color: Material.secondaryTextColor
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "bindingMessage_" + card.key
            text: card.bindingMessage
            textFormat: Text.PlainText
            font.pixelSize: 17
            font.weight: Font.DemiBold
            wrapMode: Text.WrapAnywhere
            Layout.fillWidth: true
        }
        RowLayout {
            visible: card.open
            spacing: 8
            Layout.fillWidth: true

            Item { Layout.fillWidth: true }
            ActionButton {
                objectName: "cancel_" + card.key
                text: qsTr("Cancel")
                Accessible.description: qsTr("Stop waiting for this approval")
                onClicked: Chat.cancelCall(card.callId)
            }
            ActionButton {
                objectName: "openInInbox_" + card.key
                text: qsTr("Open in inbox")
                highlighted: true
                onClicked: card.openInInbox(card.bindingMessage)
            }
        }
    }
}
