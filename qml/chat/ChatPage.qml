// Not "pragma ComponentBehavior: Bound": Qt 6.4 cannot create a ListView footer declared in a
// bound document ("Component is not ready"), and the streamed reply is the list's footer.
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Countersign

// The chat with the agent: what answers (named honestly: the demo is a rule-based agent, not an
// AI), the conversation with the tool calls the agent makes and what each waits for (an approval
// in the inbox, a device code, an account to connect), and a field to write in. Enter sends.
FocusScope {
    id: page

    // Keep showing the newest entry, unless the person scrolled up to read.
    property bool follow: true

    // "Open in inbox" on an approval card: the view switches to the inbox and opens the request.
    signal openInInbox(string bindingMessage)
    // "Enter code" on a device code card: the view switches to the code page with the code.
    signal enterCode(string userCode)

    function send(): void {
        if (!Chat.send(input.text))
            return;
        input.clear();
        page.follow = true;
        page.scrollToEnd();
    }

    function scrollToEnd(): void {
        if (page.follow)
            Qt.callLater(page.positionAtEnd);
    }

    function positionAtEnd(): void {
        list.positionViewAtEnd();
    }

    Connections {
        target: Chat
        function onStreamingTextChanged(): void { page.scrollToEnd(); }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // Who answers.
        Pane {
            objectName: "chatHeader"
            visible: Chat.available
            Layout.fillWidth: true
            padding: 12
            leftPadding: 20
            rightPadding: 20
            background: Rectangle { color: Theme.surface; border.color: Theme.barBorder }

            RowLayout {
                anchors.fill: parent
                spacing: 12

            ColumnLayout {
                spacing: 2
                Layout.fillWidth: true

                Label {
                    objectName: "backendLabel"
                    text: Chat.backendLabel
                    textFormat: Text.PlainText
                    horizontalAlignment: Text.AlignLeft
                    font.weight: Font.DemiBold
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    Accessible.role: Accessible.Heading
                    Accessible.name: qsTr("Chatting with: %1").arg(text)
                }
                Label {
                    text: qsTr("Whatever it does on your behalf waits for your approval, here or in your inbox.")
                    textFormat: Text.PlainText
                    horizontalAlignment: Text.AlignLeft
                    color: Material.secondaryTextColor
                    font.pixelSize: 13
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
            }
                Button {
                    objectName: "newChatButton"
                    text: qsTr("New chat")
                    flat: true
                    enabled: !Chat.busy
                    Accessible.name: qsTr("Start a new chat")
                    onClicked: Chat.clear()
                }
            }
        }

        // No agent: say why (not signed in, not set up).
        Item {
            objectName: "chatUnavailable"
            visible: !Chat.available
            Layout.fillWidth: true
            Layout.fillHeight: true

            Label {
                objectName: "chatUnavailableReason"
                anchors.centerIn: parent
                width: Math.min(420, parent.width - 48)
                text: Chat.unavailableReason
                textFormat: Text.PlainText
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                color: Material.secondaryTextColor
                font.pixelSize: 16
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
        }

        ErrorBox {
            objectName: "chatProblem"
            message: Chat.problem
            visible: Chat.available && message !== ""
            Layout.fillWidth: true
            Layout.margins: 12
        }

        ListView {
            id: list
            objectName: "chatList"
            visible: Chat.available
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: Chat.messages
            spacing: 10
            topMargin: 16
            activeFocusOnTab: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Conversation with the agent")

            // Rows settle their height after they are added (text wraps, cards load): follow that too.
            onCountChanged: page.scrollToEnd()
            onContentHeightChanged: page.scrollToEnd()
            onHeightChanged: page.scrollToEnd()
            onMovementEnded: page.follow = list.atYEnd

            delegate: ChatEntry {
                width: Math.min(720, list.width - 32)
                x: (list.width - width) / 2
                onOpenInInbox: bindingMessage => page.openInInbox(bindingMessage)
                onEnterCode: userCode => page.enterCode(userCode)
            }

            // The reply as it comes in, and room below the last entry (the footer, not bottomMargin:
            // positionViewAtEnd() leaves the margin out, and the newest entry must show whole).
            footer: Item {
                width: list.width
                height: (streaming.visible ? streaming.implicitHeight + list.spacing : 0) + 16

                ChatBubble {
                    id: streaming
                    objectName: "streamingReply"
                    visible: Chat.streamingText !== ""
                    y: list.spacing
                    width: Math.min(720, list.width - 32)
                    x: (list.width - width) / 2
                    text: Chat.streamingText
                    streaming: true
                }
            }

            // Nothing yet: say what the agent can do.
            ColumnLayout {
                objectName: "chatEmptyState"
                visible: list.count === 0 && Chat.streamingText === ""
                anchors.centerIn: parent
                width: Math.min(440, list.width - 48)
                spacing: 10

                Label {
                    text: qsTr("Ask the agent")
                    textFormat: Text.PlainText
                    font.pixelSize: 18
                    font.weight: Font.DemiBold
                    Layout.alignment: Qt.AlignHCenter
                }
                Label {
                    text: qsTr("Ask it to do something for you, for example \"Buy 3 shares of ACME\". Before it acts on your behalf, it asks for your approval.")
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    horizontalAlignment: Text.AlignHCenter
                    color: Material.secondaryTextColor
                    Layout.fillWidth: true
                }
            }
        }

        // Write, send, stop.
        Pane {
            objectName: "chatComposer"
            visible: Chat.available
            Layout.fillWidth: true
            padding: 12
            leftPadding: 20
            rightPadding: 20
            background: Rectangle { color: Theme.surface; border.color: Theme.barBorder }

            ColumnLayout {
                anchors.fill: parent
                spacing: 6

                RowLayout {
                    objectName: "chatActivity"
                    visible: Chat.busy
                    spacing: 8
                    Layout.fillWidth: true

                    BusyIndicator {
                        objectName: "chatBusy"
                        running: Chat.busy
                        implicitWidth: 28
                        implicitHeight: 28
                        Accessible.ignored: true
                    }
                    Label {
                        objectName: "chatActivityText"
                        text: Chat.messages.waitingCount > 0 ? qsTr("Waiting for you: see above.")
                                                             : qsTr("The agent is working…")
                        textFormat: Text.PlainText
                        horizontalAlignment: Text.AlignLeft
                        color: Material.secondaryTextColor
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                        Accessible.role: Accessible.StaticText
                        Accessible.name: text
                    }
                    ActionButton {
                        objectName: "stopButton"
                        text: qsTr("Stop")
                        Accessible.description: qsTr("Stop the agent and everything it is waiting for")
                        onClicked: Chat.stop()
                    }
                }

                RowLayout {
                    spacing: 8
                    Layout.fillWidth: true

                    TextField {
                        id: input
                        objectName: "chatInput"
                        focus: true
                        placeholderText: Chat.busy ? qsTr("You can send once the agent is done")
                                                   : qsTr("Message the agent")
                        maximumLength: 4000
                        selectByMouse: true
                        Layout.fillWidth: true
                        Accessible.name: qsTr("Message to the agent")
                        onAccepted: page.send()
                    }
                    ActionButton {
                        objectName: "sendButton"
                        text: qsTr("Send")
                        highlighted: true
                        enabled: !Chat.busy && input.text.trim() !== ""
                        Accessible.name: qsTr("Send the message")
                        onClicked: page.send()
                    }
                }
            }
        }
    }
}
