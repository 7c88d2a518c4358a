// Not "pragma ComponentBehavior: Bound": Qt 6.4's Loader refuses to create a bound component
// ("Cannot instantiate bound component outside its creation context"). The components below
// read the row only through `entry`.
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Countersign

// One row of the chat (a delegate of Chat.messages): picks the bubble or card for its kind.
Item {
    id: entry

    required property int index
    required property string kind
    required property string text
    required property string toolName
    required property var argumentRows
    required property string resultSummary
    required property var resultView
    required property bool isError
    required property string callId
    required property string callState
    required property bool open
    required property bool superseded
    required property string interruptType
    required property string bindingMessage
    required property string userCode
    required property string verificationUri
    required property string verificationUriComplete
    required property string connectionName
    required property string connectUri
    required property string expiresAt

    signal openInInbox(string bindingMessage)
    signal enterCode(string userCode)

    implicitHeight: loader.implicitHeight

    Loader {
        id: loader
        width: entry.width
        sourceComponent: {
            switch (entry.kind) {
            case "user": return userBubble;
            case "assistant": return agentBubble;
            case "tool_call": return toolCall;
            case "tool_result": return toolResult;
            case "interrupt":
                switch (entry.interruptType) {
                case "async_authorization": return approval;
                case "device_authorization": return deviceCode;
                case "connect_account": return connectAccount;
                default: return otherInterrupt;
                }
            default: return null;
            }
        }
    }

    Component {
        id: userBubble

        ChatBubble {
            objectName: "userMessage_" + entry.index
            text: entry.text
            mine: true
        }
    }
    Component {
        id: agentBubble

        ChatBubble {
            objectName: "assistantMessage_" + entry.index
            text: entry.text
        }
    }
    Component {
        id: toolCall

        ToolCallCard {
            callId: entry.callId
            toolName: entry.toolName
            argumentRows: entry.argumentRows
            callState: entry.callState
        }
    }
    Component {
        id: toolResult

        ToolResultCard {
            callId: entry.callId
            toolName: entry.toolName
            resultSummary: entry.resultSummary
            resultView: entry.resultView
            isError: entry.isError
        }
    }
    Component {
        id: approval

        ApprovalCard {
            index: entry.index
            callId: entry.callId
            bindingMessage: entry.bindingMessage
            expiresAt: entry.expiresAt
            open: entry.open
            superseded: entry.superseded
            onOpenInInbox: bindingMessage => entry.openInInbox(bindingMessage)
        }
    }
    Component {
        id: deviceCode

        DeviceCodeCard {
            index: entry.index
            callId: entry.callId
            userCode: entry.userCode
            verificationUri: entry.verificationUri
            verificationUriComplete: entry.verificationUriComplete
            expiresAt: entry.expiresAt
            open: entry.open
            superseded: entry.superseded
            onEnterCode: userCode => entry.enterCode(userCode)
        }
    }
    Component {
        id: connectAccount

        ConnectAccountCard {
            index: entry.index
            callId: entry.callId
            connectionName: entry.connectionName
            connectUri: entry.connectUri
            text: entry.text
            open: entry.open
            superseded: entry.superseded
        }
    }
    // A kind of wait this version does not know: what it waits for, in words.
    Component {
        id: otherInterrupt

        ChatCard {
            objectName: "interrupt_" + entry.callId + "_" + entry.index
            open: entry.open
            accent: Material.color(Material.Amber, Material.Shade700)
            Accessible.name: entry.text

            Label {
                anchors.fill: parent
                text: entry.text
                textFormat: Text.PlainText
                horizontalAlignment: Text.AlignLeft
                wrapMode: Text.Wrap
            }
        }
    }
}
