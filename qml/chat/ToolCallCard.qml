pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Countersign

// The agent calls a tool: "Calling buy_stock", its arguments one per row, and how far it got.
ChatCard {
    id: card

    required property string callId
    required property string toolName
    // [{name, value}], plain text.
    required property var argumentRows
    // "running", "waiting", "done", "failed".
    required property string callState

    function stateText(state: string): string {
        switch (state) {
        case "waiting": return qsTr("Waiting for you");
        case "done": return qsTr("Done");
        case "failed": return qsTr("Did not go ahead");
        default: return qsTr("Running…");
        }
    }

    objectName: "toolCall_" + card.callId
    accent: Material.color(Material.BlueGrey, Material.Shade300)
    open: card.callState === "running" || card.callState === "waiting"
    Accessible.name: [qsTr("Calling %1").arg(card.toolName),
                      card.argumentRows.map(row => row.name + ": " + row.value).join(", "),
                      card.stateText(card.callState)].join(". ")

    ColumnLayout {
        anchors.fill: parent
        spacing: 6

        RowLayout {
            spacing: 8
            Layout.fillWidth: true

            Label {
                objectName: "toolCallTitle_" + card.callId
                text: qsTr("Calling %1").arg(card.toolName)
                textFormat: Text.PlainText
                horizontalAlignment: Text.AlignLeft
                font.weight: Font.DemiBold
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                objectName: "toolCallState_" + card.callId
                text: card.stateText(card.callState)
                textFormat: Text.PlainText
                color: card.callState === "failed" ? Material.color(Material.Red, Material.Shade800)
                     : card.callState === "done" ? Material.color(Material.Green, Material.Shade800)
                     : Material.secondaryTextColor
                font.pixelSize: 13
            }
        }

        GridLayout {
            columns: 2
            columnSpacing: 12
            rowSpacing: 2
            Layout.fillWidth: true

            Repeater {
                model: card.argumentRows

                Label {
                    id: nameLabel
                    required property int index
                    required property var modelData
                    text: nameLabel.modelData.name
                    textFormat: Text.PlainText
                    color: Material.secondaryTextColor
                    font.pixelSize: 13
                    Layout.row: nameLabel.index
                    Layout.column: 0
                }
            }
            Repeater {
                model: card.argumentRows

                Label {
                    id: valueLabel
                    required property int index
                    required property var modelData
                    objectName: "argument_" + card.callId + "_" + valueLabel.modelData.name
                    text: valueLabel.modelData.value
                    textFormat: Text.PlainText
                    horizontalAlignment: Text.AlignLeft
                    font.family: "monospace"
                    font.pixelSize: 13
                    wrapMode: Text.WrapAnywhere
                    Layout.row: valueLabel.index
                    Layout.column: 1
                    Layout.fillWidth: true
                }
            }
        }
    }
}
