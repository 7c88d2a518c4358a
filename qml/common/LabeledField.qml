pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// A text field with its label above and its validation message below. The message shows once
// the person has left the field, or when the page asks for it (after pressing Sign in).
ColumnLayout {
    id: root

    required property string label
    property string placeholder
    // Why the value is not acceptable; empty when it is.
    property string error
    property bool showError: false
    property alias text: input.text
    property alias input: input
    readonly property bool errorVisible: (root.touched || root.showError) && root.error !== ""
    property bool touched: false

    signal edited(string text)
    signal accepted

    spacing: 2

    Label {
        text: root.label
        textFormat: Text.PlainText
        horizontalAlignment: Text.AlignLeft
        font.weight: Font.Medium
        Layout.fillWidth: true
    }

    TextField {
        id: input
        objectName: root.objectName + "Input"
        Layout.fillWidth: true
        placeholderText: root.placeholder
        selectByMouse: true
        inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText | Qt.ImhUrlCharactersOnly
        Material.accent: root.errorVisible ? Material.Red : Material.Indigo
        Accessible.name: root.label
        Accessible.description: root.errorVisible ? root.error : ""
        onTextEdited: root.edited(text)
        onEditingFinished: root.touched = true
        onAccepted: root.accepted()
    }

    Label {
        objectName: root.objectName + "Error"
        visible: root.errorVisible
        text: root.error
        textFormat: Text.PlainText
        horizontalAlignment: Text.AlignLeft
        wrapMode: Text.Wrap
        color: Material.color(Material.Red, Material.Shade700)
        font.pixelSize: 13
        Layout.fillWidth: true
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }
}
