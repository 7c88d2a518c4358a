pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Countersign

ApplicationWindow {
    id: window

    readonly property bool signedIn: Session.state === Session.SignedIn || Session.state === Session.SigningOut

    title: qsTr("Countersign")
    width: 720
    height: 640
    minimumWidth: 420
    minimumHeight: 480
    visible: true
    color: Theme.window
    // A right-to-left translation (Arabic) mirrors the whole window: anchors, layouts, positioners,
    // views and the controls. Qt takes the direction from the translation's QT_LAYOUT_DIRECTION
    // (core/i18n/Translations.cpp). Text wider than its content says Text.AlignLeft, which mirroring
    // turns into the start side; left implicit, Qt aligns each text by its own direction, and an
    // English name from a server would stand on the far side of an Arabic window.
    LayoutMirroring.enabled: Qt.application.layoutDirection === Qt.RightToLeft
    LayoutMirroring.childrenInherit: true

    // Closing the window may only hide it (the tray); Ctrl+Q really quits.
    Shortcut {
        sequences: [StandardKey.Quit]
        context: Qt.ApplicationShortcut
        onActivated: Qt.quit()
    }

    header: ToolBar {
        Material.background: Material.color(Material.Indigo, Material.Shade700)
        Material.foreground: "white"
        Material.elevation: 0

        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 20
            anchors.rightMargin: 20
            spacing: 12

            // The mark: a counter-signature tick in a rounded square.
            Rectangle {
                implicitWidth: 30
                implicitHeight: 30
                radius: 7
                color: "white"
                Accessible.ignored: true

                Label {
                    anchors.centerIn: parent
                    text: "✓"
                    textFormat: Text.PlainText
                    font.pixelSize: 20
                    font.bold: true
                    color: Material.color(Material.Indigo, Material.Shade700)
                }
            }
            Label {
                text: qsTr("Countersign")
                textFormat: Text.PlainText
                horizontalAlignment: Text.AlignLeft
                font.pixelSize: 20
                font.weight: Font.DemiBold
                Layout.fillWidth: true
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
        }
    }

    StackLayout {
        anchors.fill: parent
        currentIndex: Session.restoring ? 0 : window.signedIn ? 2 : 1

        Item {
            BusyIndicator {
                anchors.centerIn: parent
                running: Session.restoring
                Accessible.name: qsTr("Loading your saved session")
            }
        }

        SignInPage {
            objectName: "signInPage"
            focus: !window.signedIn
        }

        SignedInView {
            objectName: "signedInView"
            focus: window.signedIn
        }
    }
}
