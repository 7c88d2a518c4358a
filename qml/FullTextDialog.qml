import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// A long value in full (plain text, selectable): what "Show all" opens.
Dialog {
    id: fullText
    objectName: "fullTextDialog"
    property string heading
    property string body

    function show(heading: string, body: string): void {
        fullText.heading = heading;
        fullText.body = body;
        fullText.open();
    }

    title: heading
    modal: true
    anchors.centerIn: Overlay.overlay
    standardButtons: Dialog.Close

    ScrollView {
        anchors.fill: parent
        TextArea {
            objectName: "fullTextArea"
            text: fullText.body
            textFormat: TextEdit.PlainText
            readOnly: true
            wrapMode: TextEdit.WrapAnywhere
            selectByMouse: true
            Accessible.name: fullText.heading
        }
    }
}

