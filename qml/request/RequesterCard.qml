pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Countersign

// Who asks (the app's name and client ID), what identifies the request (the binding message to
// compare with the app's screen, or the device's code), and where it stands. Shared by one inbox
// request and the Enter code page. All server text, all plain text.
Pane {
    id: card

    required property string clientName
    required property string clientId
    // "pending", "approved", "denied" or "expired".
    required property string status
    required property int secondsLeft
    // Local times, as the view-models give them; "" when unknown.
    property string expiresAt
    property string decidedAt
    // Why it was approved or denied, when the person said.
    property string reason
    // A request in the inbox: the binding message, to compare with what the app shows.
    property bool showsBindingMessage: false
    property string bindingMessage
    // A device code: the code and, when the device named one, the resource it wants.
    property bool showsUserCode: false
    property string userCode
    property string resource
    // The pages' own names for these items (tests find them by name).
    property alias nameObjectName: nameLabel.objectName
    property alias statusObjectName: statusLabel.objectName

    // "Approved 14:05", "4:05 left, until 14:09", "Expired".
    function statusText(): string {
        switch (card.status) {
        case "approved": return card.decidedAt !== "" ? qsTr("Approved %1").arg(card.decidedAt) : qsTr("Approved");
        case "denied": return card.decidedAt !== "" ? qsTr("Denied %1").arg(card.decidedAt) : qsTr("Denied");
        case "expired": return qsTr("Expired %1").arg(card.expiresAt);
        default: return card.secondsLeft > 0 ? qsTr("%1, until %2").arg(Countdown.timeLeft(card.secondsLeft)).arg(card.expiresAt)
                                             : Countdown.timeLeft(0);
        }
    }

    padding: Theme.cardPadding
    background: CardBackground {}

    // One flat layout: a nested one leaves the wrapped binding message's box at a stale height
    // (Qt 6.4).
    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        Label {
            id: nameLabel
            text: card.clientName
            textFormat: Text.PlainText
            horizontalAlignment: Text.AlignLeft
            font.pixelSize: 22
            font.weight: Font.DemiBold
            wrapMode: Text.WrapAnywhere
            Layout.fillWidth: true
            Accessible.role: Accessible.Heading
            Accessible.name: qsTr("Request from %1").arg(text)
        }
        Label {
            text: qsTr("Client ID: %1").arg(card.clientId)
            textFormat: Text.PlainText
            horizontalAlignment: Text.AlignLeft
            color: Material.secondaryTextColor
            wrapMode: Text.WrapAnywhere
            Layout.fillWidth: true
        }
        Label {
            visible: card.showsBindingMessage
            text: qsTr("Check that this message matches what the app shows you:")
            textFormat: Text.PlainText
            horizontalAlignment: Text.AlignLeft
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Layout.topMargin: 6
        }
        Rectangle {
            visible: card.showsBindingMessage
            Layout.fillWidth: true
            implicitHeight: bindingText.implicitHeight + 20
            radius: 6
            color: Material.color(Material.Indigo, Material.Shade50)

            TextEdit {
                id: bindingText
                objectName: "bindingMessage"
                anchors.fill: parent
                anchors.margins: 10
                text: card.bindingMessage
                textFormat: TextEdit.PlainText
                horizontalAlignment: TextEdit.AlignLeft
                wrapMode: TextEdit.WrapAnywhere
                readOnly: true
                selectByMouse: true
                font.pixelSize: 17
                font.family: "monospace"
                activeFocusOnTab: false
                Accessible.name: qsTr("Binding message: %1").arg(text)
            }
        }
        Label {
            objectName: "lookedUpUserCode"
            visible: card.showsUserCode
            text: qsTr("Code: %1").arg(card.userCode)
            textFormat: Text.PlainText
            horizontalAlignment: Text.AlignLeft
            font.family: "monospace"
            Layout.fillWidth: true
        }
        Label {
            visible: card.showsUserCode && card.resource !== ""
            text: qsTr("For: %1").arg(card.resource)
            textFormat: Text.PlainText
            horizontalAlignment: Text.AlignLeft
            wrapMode: Text.WrapAnywhere
            Layout.fillWidth: true
        }
        Label {
            id: statusLabel
            text: card.statusText()
            textFormat: Text.PlainText
            horizontalAlignment: Text.AlignLeft
            color: Material.secondaryTextColor
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            visible: card.reason !== ""
            text: qsTr("Reason: %1").arg(card.reason)
            textFormat: Text.PlainText
            horizontalAlignment: Text.AlignLeft
            wrapMode: Text.WrapAnywhere
            Layout.fillWidth: true
        }
    }
}
