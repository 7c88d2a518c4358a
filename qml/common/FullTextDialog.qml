import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Controls.impl
import QtQuick.Layouts

// A long value in full (plain text, selectable): what "Show all" opens, headed by the field's name.
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

    // Not `title`: Dialog's own header shows it as AutoText, and the heading is a name the server
    // chose (a key of an authorization detail). Material's header, with plain text.
    header: Label {
        objectName: "fullTextHeading"
        text: fullText.heading
        textFormat: Text.PlainText
        elide: Text.ElideRight
        padding: 24
        bottomPadding: 0
        font.bold: true
        font.pixelSize: 16
        Accessible.role: Accessible.Heading
        Accessible.name: text
        background: PaddedRectangle {
            radius: 2
            color: fullText.Material.dialogColor
            bottomPadding: -2
            clip: true
        }
    }
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

