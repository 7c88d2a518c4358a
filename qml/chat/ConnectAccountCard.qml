pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Countersign

// A call waits until the person connects an account (e.g. their Google account) in the browser:
// open the provider's connect page, then try again, or give up.
ChatCard {
    id: card

    required property int index
    required property string callId
    required property string connectionName
    required property string connectUri
    // What the call waits for, in words (from the authorizer; the card says it its own way).
    required property string text
    required property bool superseded
    readonly property string key: card.open ? card.callId : card.callId + "_" + card.index

    objectName: "connect_" + card.key
    accent: card.open ? Material.color(Material.Amber, Material.Shade700) : Material.color(Material.Grey)
    Accessible.name: titleLabel.text
    Accessible.description: card.text

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        Label {
            id: titleLabel
            objectName: "connectTitle_" + card.key
            text: card.open ? qsTr("Connect your %1 account").arg(card.connectionName)
                            : card.superseded ? qsTr("Tried again") : qsTr("No longer waiting")
            textFormat: Text.PlainText
            font.weight: Font.DemiBold
            font.pixelSize: 16
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            visible: card.open
            text: card.connectUri !== ""
                  ? qsTr("The agent needs your %1 account for this. Connect it on the page that opens in your browser, then choose Try again.").arg(card.connectionName)
                  : qsTr("The agent needs your %1 account for this. Connect it with your provider, then choose Try again.").arg(card.connectionName)
            textFormat: Text.PlainText
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
