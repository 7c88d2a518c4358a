pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Countersign

// The approval inbox: requests that apps and agents sent on the person's behalf, newest first,
// arriving live. Opening one shows everything about it and lets the person approve or deny. In a
// wide window the open request shows beside the list; in a narrow one it takes the list's place.
FocusScope {
    id: page

    readonly property bool wide: page.width >= Theme.sideBySideWidth
    // The request open beside the list (wide only); "" for none.
    property string selectedId: ""

    function statusText(status: string, seconds: int): string {
        switch (status) {
        case "approved": return qsTr("Approved");
        case "denied": return qsTr("Denied");
        case "expired": return qsTr("Expired");
        default: return Countdown.timeLeft(seconds);
        }
    }

    function open(requestId: string): void {
        if (page.wide) {
            page.selectedId = requestId;
            detail.forceActiveFocus();
        } else {
            stack.push(requestPage, { requestId: requestId });
        }
    }

    // Shows one request from the start of the inbox (a notification's "Review"): the list when
    // the inbox does not have it, or for "".
    function review(requestId: string): void {
        stack.pop(null, StackView.Immediate);
        page.selectedId = "";
        if (requestId !== "" && Inbox.details(requestId).found)
            page.open(requestId);
    }

    // The open request follows the window across the width where the layout changes.
    onWideChanged: {
        if (page.wide && stack.depth > 1) {
            const open = stack.currentItem.requestId;
            stack.pop(null, StackView.Immediate);
            page.selectedId = open;
        } else if (!page.wide && page.selectedId !== "") {
            const open = page.selectedId;
            page.selectedId = "";
            stack.push(requestPage, { requestId: open }, StackView.Immediate);
        }
    }

    // Opens the request an agent's chat waits on ("Open in inbox"): the newest with this binding
    // message from this client (any client when ""). False when the inbox does not have it (yet):
    // the list shows instead.
    function openMatching(bindingMessage: string, clientId: string): bool {
        stack.pop(null, StackView.Immediate);
        const requestId = Inbox.findRequest(bindingMessage, clientId);
        if (requestId === "")
            return false;
        page.open(requestId);
        return true;
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        StackView {
            id: stack
            objectName: "inboxStack"
            focus: true
            initialItem: listView
            Layout.fillHeight: true
            Layout.fillWidth: !page.wide
            Layout.preferredWidth: page.wide ? Theme.sideListWidth : -1
        }
        Rectangle {
            visible: page.wide
            color: Theme.cardBorder
            Layout.preferredWidth: 1
            Layout.fillHeight: true
        }
        FocusScope {
            id: detail
            objectName: "inboxDetail"
            visible: page.wide
            Layout.fillWidth: true
            Layout.fillHeight: true

            // A Repeater of at most one, not a Loader: Qt 6.4's Loader refuses a bound component.
            Repeater {
                model: page.wide && page.selectedId !== "" ? [page.selectedId] : []

                delegate: RequestPage {
                    required property string modelData

                    objectName: "requestPage"
                    width: detail.width
                    height: detail.height
                    requestId: modelData
                    showBack: false
                }
            }
            Label {
                objectName: "noRequestOpen"
                visible: page.selectedId === ""
                anchors.centerIn: parent
                width: Math.min(implicitWidth, parent.width - 40)
                text: qsTr("Open a request to see it here.")
                textFormat: Text.PlainText
                horizontalAlignment: Text.AlignLeft
                wrapMode: Text.Wrap
                color: Material.secondaryTextColor
            }
        }
    }

    Component {
        id: requestPage

        RequestPage {
            objectName: "requestPage"
            onBack: stack.pop()
        }
    }

    FocusScope {
        id: listView

        ColumnLayout {
            anchors.fill: parent
            spacing: 0

            // Connecting, offline, or a provider without an approval channel.
            Pane {
                objectName: "connectionBanner"
                visible: Inbox.availability === Inbox.Unavailable || Inbox.connectionMessage !== ""
                Layout.fillWidth: true
                padding: 12
                background: Rectangle { color: Material.color(Material.Amber, Material.Shade50) }

                Label {
                    objectName: "connectionMessage"
                    width: parent.width
                    text: Inbox.availability === Inbox.Unavailable ? Inbox.unavailableMessage : Inbox.connectionMessage
                    textFormat: Text.PlainText
                    horizontalAlignment: Text.AlignLeft
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
            }

            // Auth0 and the like: approvals arrive in another app (Guardian). Still show what this
            // app's own agent is waiting on, so that nothing pending goes unseen. (The title is not
            // the list's header: Qt 6.4 cannot create a header component in a file that is
            // "pragma ComponentBehavior: Bound", and says "Component is not ready".)
            Label {
                objectName: "agentApprovalTitle"
                visible: Inbox.approvedElsewhere && agentList.count > 0
                Layout.preferredWidth: Math.min(Theme.contentWidth, listView.width - 32)
                Layout.alignment: Qt.AlignHCenter
                topPadding: 16
                text: qsTr("Requests your agent is waiting on")
                textFormat: Text.PlainText
                horizontalAlignment: Text.AlignLeft
                font.weight: Font.DemiBold
                font.pixelSize: 15
            }

            ListView {
                id: agentList
                objectName: "agentApprovalList"
                visible: Inbox.approvedElsewhere
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: Inbox.agentApprovals
                spacing: 8
                topMargin: 16
                bottomMargin: 16
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Requests your agent is waiting on")

                delegate: Pane {
                    id: agentRow

                    required property string callId
                    required property string bindingMessage
                    required property string status
                    required property int secondsLeft
                    required property string problem

                    objectName: "agentApproval_" + callId
                    width: Math.min(Theme.contentWidth, ListView.view.width - 32)
                    x: (ListView.view.width - width) / 2
                    padding: 16
                    Accessible.role: Accessible.ListItem
                    Accessible.name: [bindingMessage, agentStatus.text].join(". ")
                    background: CardBackground {
                        opacity: agentRow.status === "waiting" ? 1 : 0.75
                    }

                    RowLayout {
                        width: parent.width
                        spacing: 8
                        Label {
                            objectName: "agentBindingMessage"
                            text: agentRow.bindingMessage
                            textFormat: Text.PlainText
                            horizontalAlignment: Text.AlignLeft
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Label {
                            id: agentStatus
                            objectName: "agentStatus"
                            text: agentRow.status === "waiting" ? qsTr("Waiting, %1").arg(Countdown.timeLeft(agentRow.secondsLeft))
                                : agentRow.status === "failed" ? qsTr("Not completed: %1").arg(agentRow.problem)
                                : page.statusText(agentRow.status, 0)
                            textFormat: Text.PlainText
                            horizontalAlignment: Text.AlignLeft
                            color: agentRow.status === "approved" ? Material.color(Material.Green, Material.Shade800)
                                 : agentRow.status === "denied" ? Material.color(Material.Red, Material.Shade800)
                                 : Material.secondaryTextColor
                            font.pixelSize: 13
                            elide: Text.ElideRight
                            Layout.maximumWidth: agentRow.width / 2
                        }
                    }
                }

                Label {
                    objectName: "agentEmptyState"
                    visible: agentList.count === 0
                    anchors.centerIn: parent
                    width: Math.min(420, agentList.width - 48)
                    text: qsTr("Your agent is not waiting for any approval. When it asks for one, the request goes to Auth0 Guardian and shows here too, with where it stands.")
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    horizontalAlignment: Text.AlignHCenter
                    color: Material.secondaryTextColor
                }
            }

            ListView {
                id: list
                objectName: "requestList"
                visible: !Inbox.approvedElsewhere
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                focus: true
                model: Inbox.requests
                spacing: 8
                topMargin: 16
                bottomMargin: 16
                keyNavigationEnabled: true
                // Home: the newest request; End: the oldest (arrows move one at a time).
                Keys.onPressed: event => {
                    if (event.key === Qt.Key_Home && list.count > 0) {
                        list.currentIndex = 0;
                        event.accepted = true;
                    } else if (event.key === Qt.Key_End && list.count > 0) {
                        list.currentIndex = list.count - 1;
                        event.accepted = true;
                    }
                }
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Approval requests")

                delegate: ItemDelegate {
                    id: row

                    required property int index
                    required property string requestId
                    required property string clientName
                    required property string bindingMessage
                    required property string summary
                    required property string status
                    required property int secondsLeft
                    required property bool deciding

                    readonly property bool pending: status === "pending"

                    objectName: "request_" + requestId
                    width: Math.min(Theme.contentWidth, ListView.view.width - 32)
                    x: (ListView.view.width - width) / 2
                    padding: 16
                    // The request open beside the list stays marked while the focus is there.
                    highlighted: (ListView.isCurrentItem && list.activeFocus) || page.selectedId === requestId
                    // Joined, not .arg()-chained: a "%2" inside server text must stay text.
                    Accessible.name: [clientName, bindingMessage, page.statusText(status, secondsLeft)].join(". ")
                    Keys.onReturnPressed: page.open(requestId)
                    Keys.onEnterPressed: page.open(requestId)
                    onClicked: {
                        list.currentIndex = index;
                        page.open(requestId);
                    }

                    background: Rectangle {
                        radius: Theme.cardRadius
                        color: row.down ? Theme.cardPressed : Theme.surface
                        border.width: row.highlighted || row.visualFocus ? 2 : 1
                        border.color: row.highlighted || row.visualFocus ? Material.color(Material.Indigo) : Theme.cardBorder
                        opacity: row.pending ? 1 : 0.75
                    }

                    contentItem: ColumnLayout {
                        spacing: 4

                        RowLayout {
                            spacing: 8
                            Layout.fillWidth: true

                            Label {
                                objectName: "clientName"
                                text: row.clientName
                                textFormat: Text.PlainText
                                horizontalAlignment: Text.AlignLeft
                                font.weight: Font.DemiBold
                                font.pixelSize: 15
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                            Label {
                                objectName: "statusLabel"
                                text: row.deciding ? qsTr("Sending…") : page.statusText(row.status, row.secondsLeft)
                                textFormat: Text.PlainText
                                color: row.status === "approved" ? Material.color(Material.Green, Material.Shade800)
                                     : row.status === "denied" ? Material.color(Material.Red, Material.Shade800)
                                     : Material.secondaryTextColor
                                font.pixelSize: 13
                            }
                            ToolButton {
                                id: dismissButton
                                objectName: "dismissButton"
                                visible: !row.pending
                                text: "✕"
                                font.pixelSize: 13
                                implicitHeight: 28
                                implicitWidth: 28
                                padding: 0
                                Accessible.name: qsTr("Remove from history")
                                onClicked: Inbox.dismiss(row.requestId)

                                PlainToolTip {
                                    visible: dismissButton.hovered
                                    text: dismissButton.Accessible.name
                                }
                            }
                        }
                        Label {
                            objectName: "bindingMessage"
                            text: row.bindingMessage
                            textFormat: Text.PlainText
                            horizontalAlignment: Text.AlignLeft
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        Label {
                            objectName: "summary"
                            visible: row.summary !== ""
                            text: row.summary
                            textFormat: Text.PlainText
                            horizontalAlignment: Text.AlignLeft
                            color: Material.secondaryTextColor
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                    }
                }

                // Nothing yet: say what will show up here.
                ColumnLayout {
                    objectName: "emptyState"
                    visible: list.count === 0 && Inbox.availability !== Inbox.Unavailable
                    anchors.centerIn: parent
                    width: Math.min(420, list.width - 48)
                    spacing: 10

                    Label {
                        text: "✓"
                        textFormat: Text.PlainText
                        font.pixelSize: 40
                        color: Material.color(Material.Indigo, Material.Shade200)
                        Layout.alignment: Qt.AlignHCenter
                        Accessible.ignored: true
                    }
                    Label {
                        text: qsTr("Nothing waiting for you")
                        textFormat: Text.PlainText
                        font.pixelSize: 18
                        font.weight: Font.DemiBold
                        Layout.alignment: Qt.AlignHCenter
                    }
                    Label {
                        text: qsTr("When an app or AI agent asks to act on your behalf (to buy stock, say, or to make a payment) the request appears here at once, and you decide whether it goes ahead.")
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        horizontalAlignment: Text.AlignHCenter
                        color: Material.secondaryTextColor
                        Layout.fillWidth: true
                    }
                }
            }
        }
    }
}
