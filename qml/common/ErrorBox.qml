pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Material

// A failure, said in words. The text may come from a server, so it is shown as plain text, and
// it can be selected and copied (it may carry an address to open by hand).
Rectangle {
    id: root

    property string message

    implicitHeight: messageText.implicitHeight + 24
    radius: 6
    color: Material.color(Material.Red, Material.Shade50)
    border.color: Material.color(Material.Red, Material.Shade200)
    Accessible.role: Accessible.AlertMessage
    Accessible.name: root.message

    TextEdit {
        id: messageText
        objectName: "errorText"
        anchors.fill: parent
        anchors.margins: 12
        text: root.message
        textFormat: TextEdit.PlainText
        horizontalAlignment: TextEdit.AlignLeft
        wrapMode: TextEdit.Wrap
        readOnly: true
        selectByMouse: true
        color: Material.color(Material.Red, Material.Shade900)
        selectionColor: Material.color(Material.Red, Material.Shade200)
        selectedTextColor: color
        font.pixelSize: 14
        activeFocusOnTab: false
        Accessible.ignored: true
    }
}
