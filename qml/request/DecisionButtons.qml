pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Countersign

// Deny and Approve, Approve (the main action) last. While a decision is on its way both wait;
// `showBusy` also turns a spinner then, for pages that show none of their own.
RowLayout {
    id: row

    property bool deciding: false
    property bool showBusy: false
    // The pages' own names for the buttons (tests find them by name).
    property alias denyObjectName: denyButton.objectName
    property alias approveObjectName: approveButton.objectName
    // Said after each button's name, e.g. its shortcut.
    property string denyDescription
    property string approveDescription

    signal deny
    signal approve

    spacing: 12
    Layout.fillWidth: true

    BusyIndicator {
        visible: row.showBusy && row.deciding
        running: row.showBusy && row.deciding
        implicitWidth: 32
        implicitHeight: 32
        Accessible.ignored: true
    }
    Item { Layout.fillWidth: true }
    ActionButton {
        id: denyButton
        text: qsTr("Deny")
        enabled: !row.deciding
        Accessible.description: row.denyDescription
        onClicked: row.deny()
    }
    ActionButton {
        id: approveButton
        text: qsTr("Approve")
        highlighted: true
        enabled: !row.deciding
        Accessible.description: row.approveDescription
        onClicked: row.approve()
    }
}
