pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Countersign

// What a tool call came back with: short, and a failure clearly marked as one.
ChatCard {
    id: card

    required property string callId
    required property string toolName
    required property string resultSummary
    required property bool isError

    objectName: "result_" + card.callId
    open: false
    opacity: 1
    accent: card.isError ? Material.color(Material.Red, Material.Shade600)
                         : Material.color(Material.Green, Material.Shade600)
    Accessible.name: [card.isError ? qsTr("%1 failed").arg(card.toolName) : qsTr("%1 finished").arg(card.toolName),
                      card.resultSummary].join(". ")

    ColumnLayout {
        anchors.fill: parent
        spacing: 4

        Label {
            objectName: "resultTitle_" + card.callId
            text: card.isError ? qsTr("✕ %1 failed").arg(card.toolName) : qsTr("✓ %1 finished").arg(card.toolName)
            textFormat: Text.PlainText
            font.weight: Font.DemiBold
            color: card.isError ? Material.color(Material.Red, Material.Shade800)
                                : Material.color(Material.Green, Material.Shade800)
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Label {
            objectName: "resultSummary_" + card.callId
            visible: card.resultSummary !== ""
            text: card.resultSummary
            textFormat: Text.PlainText
            font.family: card.isError ? Qt.application.font.family : "monospace"
            font.pixelSize: 13
            wrapMode: Text.WrapAnywhere
            color: card.isError ? Material.color(Material.Red, Material.Shade900) : Material.foreground
            Layout.fillWidth: true
        }
    }
}
