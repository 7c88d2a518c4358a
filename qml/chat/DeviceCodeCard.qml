pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Countersign

// A call waits for the person to approve a device code (device flow): the code, big, to copy or
// to take to the "Enter code" page, and the provider's page for it.
WaitingCard {
    id: card

    required property string userCode
    required property string verificationUri
    required property string verificationUriComplete
    property bool copied: false

    signal enterCode(string userCode)

    objectName: "deviceCode_" + card.key
    Accessible.name: [header.title, qsTr("Code %1").arg(card.userCode)].join(". ")

    Timer {
        id: copiedTimer
        interval: 2000
        onTriggered: card.copied = false
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        CardHeader {
            id: header
            owner: card
            title: card.open ? qsTr("Approve with a code")
                             : card.superseded ? qsTr("Replaced by a newer code") : qsTr("No longer waiting")
            titleObjectName: "deviceCodeTitle_" + card.key
            timeLeftObjectName: "timeLeft_" + card.key
        }
        Label {
            visible: card.open
            text: qsTr("The agent needs your approval for this. Enter the code on the Enter code page, or on your provider's page.")
            textFormat: Text.PlainText
            horizontalAlignment: Text.AlignLeft
            color: Material.secondaryTextColor
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        RowLayout {
            spacing: 12
            Layout.fillWidth: true

            Label {
                objectName: "userCode_" + card.key
                text: card.userCode
                textFormat: Text.PlainText
                horizontalAlignment: Text.AlignLeft
                font.family: "monospace"
                font.pixelSize: 30
                font.weight: Font.Bold
                font.letterSpacing: 2
                Layout.fillWidth: true
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("Code %1").arg(text)
            }
            ActionButton {
                objectName: "copyCode_" + card.key
                visible: card.open
                text: card.copied ? qsTr("Copied") : qsTr("Copy")
                Accessible.name: qsTr("Copy the code")
                onClicked: {
                    Chat.copy(card.userCode);
                    card.copied = true;
                    copiedTimer.restart();
                }
            }
        }
        RowLayout {
            visible: card.open && card.verificationUri !== ""
            spacing: 8
            Layout.fillWidth: true

            Label {
                objectName: "verificationLink_" + card.key
                text: card.verificationUri
                textFormat: Text.PlainText
                horizontalAlignment: Text.AlignLeft
                font.family: "monospace"
                font.pixelSize: 13
                color: Material.accentColor
                elide: Text.ElideMiddle
                Layout.fillWidth: true
            }
            ActionButton {
                objectName: "openVerification_" + card.key
                text: qsTr("Open page")
                Accessible.name: qsTr("Open your provider's page for the code")
                onClicked: Chat.openLink(card.verificationUriComplete !== "" ? card.verificationUriComplete
                                                                            : card.verificationUri)
            }
        }
        RowLayout {
            visible: card.open
            spacing: 8
            Layout.fillWidth: true

            Item { Layout.fillWidth: true }
            ActionButton {
                objectName: "cancel_" + card.key
                text: qsTr("Cancel")
                Accessible.description: qsTr("Stop waiting for this code")
                onClicked: Chat.cancelCall(card.callId)
            }
            ActionButton {
                objectName: "enterCode_" + card.key
                text: qsTr("Enter code")
                highlighted: true
                Accessible.name: qsTr("Enter the code on the Enter code page")
                onClicked: card.enterCode(card.userCode)
            }
        }
    }
}
