pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Countersign

// The authorization details (RFC 9396) of a request, one card per entry, field by field, all plain
// text; a long value offers "Show all" (showAll(heading, body)).
ColumnLayout {
    id: root

    // [{title, summary, note, known, fields: [{label, value, fullValue, truncated, depth}]}]
    property var sections: []
    signal showAll(string heading, string body)

    spacing: Theme.pageSpacing

    Repeater {
        model: root.sections

        delegate: Pane {
            id: section
            required property var modelData
            objectName: "detailSection"
            Layout.fillWidth: true
            padding: Theme.cardPadding
            background: CardBackground {}

            ColumnLayout {
                anchors.fill: parent
                spacing: 8

                Label {
                    text: section.modelData.title
                    textFormat: Text.PlainText
                    horizontalAlignment: Text.AlignLeft
                    font.pixelSize: 17
                    font.weight: Font.DemiBold
                    wrapMode: Text.WrapAnywhere
                    Layout.fillWidth: true
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                Label {
                    objectName: "sectionSummary"
                    text: section.modelData.summary
                    textFormat: Text.PlainText
                    horizontalAlignment: Text.AlignLeft
                    wrapMode: Text.WrapAnywhere
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "sectionNote"
                    visible: section.modelData.note !== ""
                    text: "⚠ " + section.modelData.note
                    textFormat: Text.PlainText
                    horizontalAlignment: Text.AlignLeft
                    wrapMode: Text.Wrap
                    color: Material.color(Material.Orange, Material.Shade900)
                    Layout.fillWidth: true
                }
                GridLayout {
                    columns: 3
                    columnSpacing: 12
                    rowSpacing: 6
                    Layout.fillWidth: true

                    Repeater {
                        model: section.modelData.fields

                        delegate: RowLayout {
                            id: field
                            required property var modelData
                            Layout.columnSpan: 3
                            Layout.fillWidth: true
                            spacing: 12

                            Label {
                                objectName: "fieldLabel"
                                text: field.modelData.label
                                textFormat: Text.PlainText
                                horizontalAlignment: Text.AlignLeft
                                color: Material.secondaryTextColor
                                elide: Text.ElideRight
                                Layout.leftMargin: field.modelData.depth * 16
                                Layout.preferredWidth: 170 - field.modelData.depth * 16
                                Layout.alignment: Qt.AlignTop
                            }
                            Label {
                                objectName: "fieldValue"
                                text: field.modelData.value
                                textFormat: Text.PlainText
                                horizontalAlignment: Text.AlignLeft
                                wrapMode: Text.WrapAnywhere
                                Layout.fillWidth: true
                                Accessible.name: field.modelData.label + ": " + text
                            }
                            ToolButton {
                                objectName: "showAllButton"
                                visible: field.modelData.truncated
                                text: qsTr("Show all")
                                font.pixelSize: 12
                                Layout.alignment: Qt.AlignTop
                                onClicked: root.showAll(field.modelData.label, field.modelData.fullValue)
                            }
                        }
                    }
                }
            }
        }
    }
}
