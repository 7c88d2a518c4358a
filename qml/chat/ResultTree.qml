pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// A tool's answer of no known shape, as a tree of names and values (rows depth first, as
// agent::ToolResultView gives them). Only the top level shows at first; a row with children opens
// and closes them with a click, Enter or Space.
ColumnLayout {
    id: tree

    // [{depth, parent, childCount, name, value}]
    property var rows: []
    // Row index → open. Replaced, never changed in place, so that bindings see the change.
    property var openRows: ({})

    function shown(index: int): bool {
        for (let parent = tree.rows[index].parent; parent >= 0; parent = tree.rows[parent].parent) {
            if (!tree.openRows[parent])
                return false;
        }
        return true;
    }
    function toggle(index: int): void {
        const next = Object.assign({}, tree.openRows);
        next[index] = !next[index];
        tree.openRows = next;
    }

    spacing: 0
    onRowsChanged: tree.openRows = ({})

    Repeater {
        model: tree.rows

        delegate: ItemDelegate {
            id: row

            required property var modelData
            required property int index
            readonly property bool branch: row.modelData.childCount > 0
            readonly property bool opened: tree.openRows[row.index] === true

            objectName: "treeRow_" + row.index
            visible: tree.shown(row.index)
            enabled: true
            focusPolicy: row.branch ? Qt.StrongFocus : Qt.NoFocus
            padding: 2
            // Indented at the start: on the right when mirrored (padding is not mirrored by itself).
            leftPadding: row.mirrored ? 2 : 4 + row.modelData.depth * 16
            rightPadding: row.mirrored ? 4 + row.modelData.depth * 16 : 2
            Layout.fillWidth: true
            Accessible.name: row.branch ? qsTr("%1 (%2)").arg(row.modelData.name).arg(row.modelData.childCount)
                                        : qsTr("%1: %2").arg(row.modelData.name).arg(row.modelData.value)
            onClicked: if (row.branch) tree.toggle(row.index)
            Keys.onReturnPressed: if (row.branch) tree.toggle(row.index)
            Keys.onEnterPressed: if (row.branch) tree.toggle(row.index)

            contentItem: RowLayout {
                spacing: 6

                Label {
                    // Closed, it points where the text reads: to the left in a mirrored window.
                    text: row.branch ? (row.opened ? "▾" : row.mirrored ? "◂" : "▸") : " "
                    textFormat: Text.PlainText
                    font.pixelSize: 12
                    Layout.preferredWidth: 10
                }
                Label {
                    text: row.modelData.name
                    textFormat: Text.PlainText
                    font.pixelSize: 13
                    font.weight: row.branch ? Font.DemiBold : Font.Normal
                    color: row.branch ? Material.foreground : Material.secondaryTextColor
                }
                Label {
                    text: row.branch ? "(" + row.modelData.childCount + ")" : row.modelData.value
                    textFormat: Text.PlainText
                    horizontalAlignment: Text.AlignLeft
                    font.pixelSize: 13
                    color: row.branch ? Material.secondaryTextColor : Material.foreground
                    wrapMode: Text.WrapAnywhere
                    Layout.fillWidth: true
                }
            }
        }
    }
}
