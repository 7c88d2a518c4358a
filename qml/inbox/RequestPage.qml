pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Countersign

// One approval request in full: who asks, the binding message to compare with the app's screen,
// every authorization detail field by field, the scopes in words, and Approve / Deny.
// Ctrl+Return approves, Ctrl+D denies, Escape goes back.
FocusScope {
    id: page

    required property string requestId
    // Beside the list (a wide window) there is nothing to go back to.
    property bool showBack: true
    property RequestDetails info: Inbox.details(page.requestId)
    property int secondsLeft: Countdown.secondsUntil(page.info.expiresAtUtc)
    // The outcome of this app's decision: "" (none yet), or the sentence to show.
    property string outcome: ""
    property string failure: ""
    readonly property bool pending: info.found && info.status === "pending" && secondsLeft > 0
    property bool decidingNow: false

    signal back

    function refresh(): void {
        page.info = Inbox.details(page.requestId);
        page.secondsLeft = Countdown.secondsUntil(page.info.expiresAtUtc);
    }

    function decide(approve: bool): void {
        if (!page.pending || page.decidingNow)
            return;
        page.failure = "";
        page.decidingNow = true;
        if (approve)
            Inbox.approve(page.requestId, reasonField.text);
        else
            Inbox.deny(page.requestId, reasonField.text);
    }

    focus: true
    Keys.onEscapePressed: if (page.showBack) page.back()

    Shortcut {
        sequences: ["Ctrl+Return", "Ctrl+Enter"]
        enabled: page.visible && page.pending
        onActivated: page.decide(true)
    }
    Shortcut {
        sequence: "Ctrl+D"
        enabled: page.visible && page.pending
        onActivated: page.decide(false)
    }

    Connections {
        target: Inbox.requests
        function onDataChanged(): void { page.refresh(); }
        function onModelReset(): void { page.refresh(); }
    }
    Connections {
        target: Inbox
        function onDecisionFinished(requestId: string, ok: bool, message: string): void {
            if (requestId !== page.requestId)
                return;
            page.decidingNow = false;
            page.refresh();
            if (ok)
                page.outcome = page.info.status === "approved" ? qsTr("Approved. The app can go ahead now.")
                                                               : qsTr("Denied. The app has been told no.");
            else
                page.failure = message;
        }
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

        ColumnLayout {
            width: Math.min(Theme.contentWidth, scroller.availableWidth - 32)
            x: (scroller.availableWidth - width) / 2
            spacing: Theme.pageSpacing

            Item { implicitHeight: 4 }

            ToolButton {
                objectName: "backButton"
                visible: page.showBack
                text: qsTr("‹ All requests")
                Accessible.name: qsTr("Back to all requests")
                onClicked: page.back()
            }

            Label {
                visible: !page.info.found
                text: qsTr("This request is no longer in your inbox.")
                textFormat: Text.PlainText
                horizontalAlignment: Text.AlignLeft
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }

            // Who asks, and the code to compare.
            RequesterCard {
                visible: page.info.found
                Layout.fillWidth: true
                nameObjectName: "clientName"
                statusObjectName: "timeLeft"
                clientName: page.info.clientName
                clientId: page.info.clientId
                status: page.info.status
                secondsLeft: page.secondsLeft
                expiresAt: page.info.expiresAt
                decidedAt: page.info.decidedAt
                reason: page.info.reason
                showsBindingMessage: true
                bindingMessage: page.info.bindingMessage
            }

            // The authorization details, one card per entry, field by field.
            DetailSections {
                sections: page.info.sections
                Layout.fillWidth: true
                onShowAll: (heading, body) => fullText.show(heading, body)
            }

            // What the app may do, in words.
            ScopeList {
                scopes: page.info.scopes
                Layout.fillWidth: true
            }

            // The decision.
            Pane {
                visible: page.info.found
                Layout.fillWidth: true
                padding: Theme.cardPadding
                background: CardBackground {}

                ColumnLayout {
                    anchors.fill: parent
                    spacing: 10

                    Label {
                        objectName: "outcome"
                        visible: page.outcome !== ""
                        text: page.outcome
                        textFormat: Text.PlainText
                        horizontalAlignment: Text.AlignLeft
                        font.weight: Font.DemiBold
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                        Accessible.role: Accessible.AlertMessage
                        Accessible.name: text
                    }
                    ErrorBox {
                        objectName: "decisionError"
                        message: page.failure
                        visible: message !== ""
                        Layout.fillWidth: true
                    }
                    TextField {
                        id: reasonField
                        objectName: "reasonField"
                        visible: page.pending
                        placeholderText: qsTr("Reason (optional)")
                        maximumLength: 256
                        Layout.fillWidth: true
                        Accessible.name: qsTr("Reason, optional")
                    }
                    DecisionButtons {
                        visible: page.pending
                        deciding: page.decidingNow
                        showBusy: true
                        denyObjectName: "denyButton"
                        approveObjectName: "approveButton"
                        denyDescription: qsTr("Ctrl+D")
                        approveDescription: qsTr("Ctrl+Return")
                        onDeny: page.decide(false)
                        onApprove: page.decide(true)
                    }
                }
            }

            Item { implicitHeight: 16 }
        }
    }
}
