pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Countersign

// What a request would allow, scope by scope, in words (the raw scope on hover).
Pane {
    id: root

    // [{scope, description}]
    property var scopes: []

    visible: root.scopes.length > 0
    padding: Theme.cardPadding
    background: CardBackground {}

    ColumnLayout {
        anchors.fill: parent
        spacing: 6

        Label {
            text: qsTr("The app will be allowed to")
            textFormat: Text.PlainText
            font.pixelSize: 17
            font.weight: Font.DemiBold
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Repeater {
            model: root.scopes
            delegate: Label {
                id: scopeLabel
                required property var modelData
                objectName: "scopeText"
                text: "• " + scopeLabel.modelData.description
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                HoverHandler { id: scopeHover }
                PlainToolTip {
                    objectName: "scopeToolTip"
                    visible: scopeHover.hovered
                    text: scopeLabel.modelData.scope
                }
            }
        }
    }
}
