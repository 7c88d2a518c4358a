pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Countersign

// What a signed-in person sees: the approval inbox (with a badge for requests waiting), the chat
// with the agent, the page for device codes, and the account.
FocusScope {
    id: view

    // Tabs are chosen by their button, never by a number: the order may change.
    // The page gets the keyboard focus (its own first field), as a person switching with keys expects.
    function showTab(tab: TabButton): void {
        tabs.currentIndex = tab.TabBar.index;
        pages.children[tabs.currentIndex].forceActiveFocus();
    }

    // A code handed over from outside (a link on the command line, the chat's "Enter code")
    // opens the code page with it.
    function openRequestedCode(): void {
        if (Devices.requestedInput === "")
            return;
        view.showTab(deviceTab);
        deviceCodePage.takeRequestedInput();
    }
    Connections {
        target: Devices
        function onRequestedInputChanged(): void { view.openRequestedCode(); }
    }
    Component.onCompleted: view.openRequestedCode()

    // A notification's "Review": the inbox, with that request open (the list when it is gone).
    Connections {
        target: Inbox
        function onReviewRequested(requestId: string): void {
            view.showTab(inboxTab);
            inboxPage.review(requestId);
        }
    }

    // Ctrl+1 … Ctrl+4 choose the tabs, in their order, from anywhere in the window.
    Repeater {
        model: [inboxTab, agentTab, deviceTab, accountTab]

        Item {
            id: tabKey

            required property TabButton modelData
            required property int index

            Shortcut {
                sequence: "Ctrl+" + (tabKey.index + 1)
                enabled: view.visible
                onActivated: view.showTab(tabKey.modelData)
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        TabBar {
            id: tabs
            objectName: "tabs"
            Layout.fillWidth: true
            Material.background: Theme.surface

            TabButton {
                id: inboxTab
                objectName: "inboxTab"
                readonly property int waiting: Inbox.requests.pendingCount
                text: qsTr("Inbox")
                Accessible.name: waiting > 0 ? qsTr("Inbox, %1 waiting").arg(waiting) : qsTr("Inbox")

                // The label and the badge, centred like the other tabs' labels.
                contentItem: Item {
                    implicitWidth: inboxRow.implicitWidth
                    implicitHeight: inboxRow.implicitHeight

                    Row {
                        id: inboxRow
                        anchors.centerIn: parent
                        spacing: 8
                        Label {
                            text: inboxTab.text
                            textFormat: Text.PlainText
                            font.pixelSize: inboxTab.font.pixelSize
                            font.weight: inboxTab.font.weight
                            // As Material writes the other tabs' labels.
                            font.capitalization: Font.AllUppercase
                            color: inboxTab.checked ? inboxTab.Material.accentColor : inboxTab.Material.foreground
                            anchors.verticalCenter: parent.verticalCenter
                        }
                        Rectangle {
                            objectName: "inboxBadge"
                            visible: inboxTab.waiting > 0
                            width: Math.max(20, badgeText.implicitWidth + 10)
                            height: 20
                            radius: 10
                            color: Material.color(Material.Red, Material.Shade600)
                            anchors.verticalCenter: parent.verticalCenter
                            Accessible.ignored: true

                            Label {
                                id: badgeText
                                objectName: "inboxBadgeText"
                                anchors.centerIn: parent
                                text: inboxTab.waiting > 99 ? "99+" : String(inboxTab.waiting)
                                textFormat: Text.PlainText
                                color: "white"
                                font.pixelSize: 12
                                font.bold: true
                            }
                        }
                    }
                }
            }
            TabButton {
                id: agentTab
                objectName: "agentTab"
                text: qsTr("Agent")
                Accessible.name: Chat.messages.waitingCount > 0 ? qsTr("Agent, waiting for you") : qsTr("Chat with the agent")
            }
            TabButton {
                id: deviceTab
                objectName: "deviceTab"
                text: qsTr("Enter code")
                Accessible.name: qsTr("Enter a device code")
            }
            TabButton {
                id: accountTab
                objectName: "accountTab"
                text: qsTr("Account")
                Accessible.name: text
            }
        }

        StackLayout {
            id: pages
            currentIndex: tabs.currentIndex
            Layout.fillWidth: true
            Layout.fillHeight: true

            // In the order of the tabs.
            InboxPage {
                id: inboxPage
                objectName: "inboxPage"
                focus: tabs.currentItem === inboxTab
            }
            ChatPage {
                objectName: "chatPage"
                focus: tabs.currentItem === agentTab
                onOpenInInbox: bindingMessage => {
                    view.showTab(inboxTab);
                    inboxPage.openMatching(bindingMessage, Chat.agentClientId);
                }
                onEnterCode: userCode => Devices.openLink(userCode)
            }
            DeviceCodePage {
                id: deviceCodePage
                objectName: "deviceCodePage"
                focus: tabs.currentItem === deviceTab
            }
            SignedInPage {
                objectName: "signedInPage"
                focus: tabs.currentItem === accountTab
            }
        }
    }
}
