pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Countersign

// What a tool call came back with, shown as what it is (the model's resultView, see
// agent::ToolResultView): a receipt, a day's free and busy times, a list, labelled fields, or a
// tree whose nested levels open on demand. Never a JSON string; a failure is clearly one.
ChatCard {
    id: card

    required property string callId
    required property string toolName
    required property string resultSummary
    required property var resultView
    required property bool isError

    readonly property string shape: card.isError ? "error" : (card.resultView.kind ?? "text")

    objectName: "result_" + card.callId
    open: false
    opacity: 1
    accent: card.isError ? Material.color(Material.Red, Material.Shade600)
                         : Material.color(Material.Green, Material.Shade600)
    Accessible.name: [card.isError ? qsTr("%1 failed").arg(card.toolName) : qsTr("%1 finished").arg(card.toolName),
                      card.resultSummary].join(". ")

    ColumnLayout {
        anchors.fill: parent
        spacing: 6

        Label {
            objectName: "resultTitle_" + card.callId
            text: card.isError ? qsTr("✕ %1 failed").arg(card.toolName) : qsTr("✓ %1 finished").arg(card.toolName)
            textFormat: Text.PlainText
            horizontalAlignment: Text.AlignLeft
            font.weight: Font.DemiBold
            color: card.isError ? Material.color(Material.Red, Material.Shade800)
                                : Material.color(Material.Green, Material.Shade800)
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        // The error in words, or a plain text answer.
        Label {
            objectName: "resultSummary_" + card.callId
            visible: (card.shape === "error" || card.shape === "text") && text !== ""
            text: card.shape === "error" ? card.resultSummary : (card.resultView.text ?? "")
            textFormat: Text.PlainText
            horizontalAlignment: Text.AlignLeft
            font.pixelSize: 13
            wrapMode: Text.Wrap
            color: card.isError ? Material.color(Material.Red, Material.Shade900) : Material.foreground
            Layout.fillWidth: true
        }
        // The receipt's sentence, the day, the list's or the record's title.
        Label {
            objectName: "resultHeading_" + card.callId
            visible: card.shape !== "error" && card.shape !== "text" && text !== ""
            text: card.resultView.title ?? ""
            textFormat: Text.PlainText
            horizontalAlignment: Text.AlignLeft
            font.pixelSize: card.shape === "receipt" ? 16 : 14
            font.weight: card.shape === "receipt" ? Font.DemiBold : Font.Normal
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        // Receipt and record: label and value, side by side.
        GridLayout {
            objectName: "resultFields_" + card.callId
            visible: card.shape === "receipt" || card.shape === "record"
            columns: 2
            columnSpacing: 14
            rowSpacing: 2
            Layout.fillWidth: true

            Repeater {
                model: card.shape === "receipt" || card.shape === "record" ? card.resultView.fields : []

                delegate: Label {
                    required property var modelData
                    required property int index
                    // Each field is two cells: a Repeater of labels laid out in two columns.
                    text: modelData.label
                    textFormat: Text.PlainText
                    font.pixelSize: 13
                    color: Material.secondaryTextColor
                    Layout.row: index
                    Layout.column: 0
                }
            }
            Repeater {
                model: card.shape === "receipt" || card.shape === "record" ? card.resultView.fields : []

                delegate: Label {
                    required property var modelData
                    required property int index
                    objectName: "resultField_" + card.callId + "_" + index
                    text: modelData.value
                    textFormat: Text.PlainText
                    font.pixelSize: 13
                    wrapMode: Text.WrapAnywhere
                    Layout.row: index
                    Layout.column: 1
                    Layout.fillWidth: true
                }
            }
        }
        // Free/busy: one line per stretch of the day.
        Repeater {
            model: card.shape === "timetable" ? card.resultView.times : []

            delegate: RowLayout {
                required property var modelData
                required property int index
                objectName: "resultTime_" + card.callId + "_" + index
                spacing: 10
                Layout.fillWidth: true

                Rectangle {
                    implicitWidth: 10
                    implicitHeight: 10
                    radius: 5
                    color: parent.modelData.busy ? Material.color(Material.Red, Material.Shade400)
                                                 : Material.color(Material.Green, Material.Shade400)
                }
                Label {
                    text: qsTr("%1–%2").arg(parent.modelData.from).arg(parent.modelData.to)
                    textFormat: Text.PlainText
                    font.pixelSize: 13
                    font.family: "monospace"
                }
                Label {
                    text: parent.modelData.busy ? qsTr("busy") : qsTr("free")
                    textFormat: Text.PlainText
                    horizontalAlignment: Text.AlignLeft
                    font.pixelSize: 13
                    color: Material.secondaryTextColor
                    Layout.fillWidth: true
                }
            }
        }
        Label {
            objectName: "resultNoTimes_" + card.callId
            visible: card.shape === "timetable" && card.resultView.times.length === 0
            text: qsTr("Nothing booked.")
            textFormat: Text.PlainText
            font.pixelSize: 13
        }
        // A list: a title and a line of details per item.
        Repeater {
            model: card.shape === "list" ? card.resultView.items : []

            delegate: ColumnLayout {
                required property var modelData
                required property int index
                objectName: "resultItem_" + card.callId + "_" + index
                spacing: 0
                Layout.fillWidth: true

                Label {
                    text: "• " + parent.modelData.title
                    textFormat: Text.PlainText
                    horizontalAlignment: Text.AlignLeft
                    font.pixelSize: 13
                    font.weight: Font.DemiBold
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    visible: text !== ""
                    text: parent.modelData.detail
                    textFormat: Text.PlainText
                    horizontalAlignment: Text.AlignLeft
                    font.pixelSize: 12
                    color: Material.secondaryTextColor
                    wrapMode: Text.Wrap
                    Layout.leftMargin: 12 // a layout margin, unlike padding, is mirrored
                    Layout.fillWidth: true
                }
            }
        }
        // Anything else: a tree; a row with children opens and closes them.
        ResultTree {
            objectName: "resultTree_" + card.callId
            visible: card.shape === "tree"
            rows: card.shape === "tree" ? card.resultView.rows : []
            Layout.fillWidth: true
        }
        Label {
            visible: card.shape !== "error" && (card.resultView.omitted ?? 0) > 0
            text: qsTr("… and %1 more").arg(card.resultView.omitted ?? 0)
            textFormat: Text.PlainText
            font.pixelSize: 12
            color: Material.secondaryTextColor
        }
    }
}
