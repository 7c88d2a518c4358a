pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Countersign

// "Enter a code": a TV, a command-line tool or another device shows a code (device flow,
// RFC 8628); the person types it here (any case, with or without the dash) or pastes the link the
// device shows, sees which app asks for what, and approves or denies. Enter looks the code up.
FocusScope {
    id: page

    readonly property RequestDetails info: Devices.request
    property int secondsLeft: Countdown.secondsUntil(page.info.expiresAtUtc)
    readonly property bool pending: info.found && info.status === "pending" && secondsLeft > 0

    function lookup(): void {
        if (codeField.text.trim() !== "")
            Devices.lookup(codeField.text);
    }

    // A code handed over from outside (a link on the command line; SignedInView calls this):
    // fill it in and look it up.
    function takeRequestedInput(): void {
        if (Devices.requestedInput === "")
            return;
        codeField.text = Devices.requestedInput;
        Devices.takeRequestedInput();
        page.lookup();
    }

    Connections {
        target: Devices
        function onChanged(): void { page.secondsLeft = Countdown.secondsUntil(Devices.request.expiresAtUtc); }
    }
    Timer {
        interval: 1000
        repeat: true
        running: page.visible && page.info.found && page.info.status === "pending"
        onTriggered: page.secondsLeft = Countdown.secondsUntil(page.info.expiresAtUtc)
    }

    FullTextDialog {
        id: fullText
        width: Math.min(Theme.contentWidth, page.width - 32)
        height: Math.min(520, page.height - 32)
    }

    ScrollView {
        id: scroller
        anchors.fill: parent
        contentWidth: availableWidth
        focus: true // a focus scope of its own: the code field's focus needs it to reach the page

        ColumnLayout {
            width: Math.min(Theme.contentWidth, scroller.availableWidth - 32)
            x: (scroller.availableWidth - width) / 2
            spacing: Theme.pageSpacing

            Item { implicitHeight: 4 }

            Label {
                text: qsTr("Enter the code a device shows you")
                textFormat: Text.PlainText
                horizontalAlignment: Text.AlignLeft
                font.pixelSize: 20
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Label {
                text: qsTr("A TV, a command-line tool or another computer that wants to act as you shows a code such as WDJB-MJHT. Type it here, or paste the link it shows.")
                textFormat: Text.PlainText
                horizontalAlignment: Text.AlignLeft
                wrapMode: Text.Wrap
                color: Material.secondaryTextColor
                Layout.fillWidth: true
            }

            RowLayout {
                spacing: 8
                Layout.fillWidth: true

                TextField {
                    id: codeField
                    objectName: "codeField"
                    focus: true
                    placeholderText: qsTr("WDJB-MJHT, or the device's link")
                    inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhPreferUppercase
                    maximumLength: 2048
                    selectByMouse: true
                    font.family: "monospace"
                    Layout.fillWidth: true
                    Accessible.name: qsTr("Device code or link")
                    Keys.onReturnPressed: page.lookup()
                    Keys.onEnterPressed: page.lookup()
                }
                ActionButton {
                    objectName: "lookupButton"
                    text: qsTr("Look up")
                    highlighted: !page.info.found
                    enabled: !Devices.busy && codeField.text.trim() !== ""
                    onClicked: page.lookup()
                }
            }

            BusyIndicator {
                visible: Devices.busy
                running: Devices.busy
                Layout.alignment: Qt.AlignHCenter
                Accessible.ignored: true
            }
            ErrorBox {
                objectName: "deviceError"
                message: Devices.errorMessage
                visible: message !== ""
                Layout.fillWidth: true
            }
            Label {
                objectName: "deviceOutcome"
                visible: Devices.outcome !== ""
                text: Devices.outcome
                textFormat: Text.PlainText
                horizontalAlignment: Text.AlignLeft
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }

            // Who asks.
            RequesterCard {
                visible: page.info.found
                Layout.fillWidth: true
                nameObjectName: "deviceClientName"
                statusObjectName: "deviceStatus"
                clientName: page.info.clientName
                clientId: page.info.clientId
                status: page.info.status
                secondsLeft: page.secondsLeft
                expiresAt: page.info.expiresAt
                showsUserCode: true
                userCode: page.info.userCode
                resource: page.info.resource
            }

            DetailSections {
                visible: page.info.found
                sections: page.info.sections
                Layout.fillWidth: true
                onShowAll: (heading, body) => fullText.show(heading, body)
            }

            ScopeList {
                visible: page.info.found && scopes.length > 0
                scopes: page.info.scopes
                Layout.fillWidth: true
            }

            DecisionButtons {
                visible: page.pending
                deciding: Devices.busy
                denyObjectName: "deviceDenyButton"
                approveObjectName: "deviceApproveButton"
                onDeny: Devices.deny()
                onApprove: Devices.approve()
            }

            Item { implicitHeight: 16 }
        }
    }
}
