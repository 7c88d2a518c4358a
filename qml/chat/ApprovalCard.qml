pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Countersign

// A call waits for the person's approval in the inbox (CIBA): the binding message to compare on
// both screens, the time left, and the way to the request.
WaitingCard {
    id: card

    required property string bindingMessage

    signal openInInbox(string bindingMessage)

    objectName: "approval_" + card.key
    Accessible.name: [header.title, card.bindingMessage, card.open ? Countdown.timeLeft(card.secondsLeft) : ""].join(". ")

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        CardHeader {
            id: header
            owner: card
            title: card.open ? qsTr("Waiting for your approval")
                             : card.superseded ? qsTr("Replaced by a newer request") : qsTr("No longer waiting")
            titleObjectName: "approvalTitle_" + card.key
            timeLeftObjectName: "timeLeft_" + card.key
        }
        Label {
            visible: card.open
            text: qsTr("Check that your inbox shows the same message, then decide there:")
            textFormat: Text.PlainText
            horizontalAlignment: Text.AlignLeft
            color: Material.secondaryTextColor
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            objectName: "bindingMessage_" + card.key
            text: card.bindingMessage
            textFormat: Text.PlainText
            horizontalAlignment: Text.AlignLeft
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
