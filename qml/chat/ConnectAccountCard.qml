pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Countersign

// A call waits until the person connects an account (e.g. their Google account) in the browser:
// open the provider's connect page, then try again, or give up.
WaitingCard {
    id: card

    required property string connectionName
    required property string connectUri
    // What the call waits for, in words (from the authorizer; the card says it its own way).
    required property string text

    objectName: "connect_" + card.key
    Accessible.name: header.title
    Accessible.description: card.text

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        CardHeader {
            id: header
            owner: card
            title: card.open ? qsTr("Connect your %1 account").arg(card.connectionName)
                             : card.superseded ? qsTr("Tried again") : qsTr("No longer waiting")
            titleObjectName: "connectTitle_" + card.key
        }
        Label {
            visible: card.open
            text: card.connectUri !== ""
                  ? qsTr("The agent needs your %1 account for this. Connect it on the page that opens in your browser, then choose Try again.").arg(card.connectionName)
                  : qsTr("The agent needs your %1 account for this. Connect it with your provider, then choose Try again.").arg(card.connectionName)
            textFormat: Text.PlainText
            horizontalAlignment: Text.AlignLeft
            color: Material.secondaryTextColor
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Flow {
            visible: card.open
            spacing: 8
            layoutDirection: Qt.RightToLeft
            Layout.fillWidth: true

            ActionButton {
                objectName: "openConnect_" + card.key
                visible: card.connectUri !== ""
                text: qsTr("Open connect page")
                highlighted: true
                onClicked: Chat.openLink(card.connectUri)
            }
            ActionButton {
                objectName: "retry_" + card.key
                text: qsTr("Try again")
                highlighted: card.connectUri === ""
                onClicked: Chat.retry(card.callId)
            }
            ActionButton {
                objectName: "cancel_" + card.key
                text: qsTr("Cancel")
                Accessible.description: qsTr("Give up on this")
                onClicked: Chat.cancelCall(card.callId)
            }
        }
    }
}
