pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Countersign

// How Countersign lives on this computer: starting at login (hidden in the tray), and staying in
// the tray when the window is closed. Each switch applies at once; a failure says why.
ColumnLayout {
    id: card
    spacing: 10

    // The entry may have changed outside (the desktop's own autostart settings): read it again.
    onVisibleChanged: if (visible) DesktopSettings.refresh()

    // A switch whose label wraps instead of being cut off (long in German).
    component WrappingSwitch: Switch {
        id: control
        Layout.fillWidth: true
        Accessible.name: text
        contentItem: Label {
            leftPadding: control.mirrored ? 0 : control.indicator.width + control.spacing
            rightPadding: control.mirrored ? control.indicator.width + control.spacing : 0
            text: control.text
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            verticalAlignment: Text.AlignVCenter
        }
    }

    Label {
        text: qsTr("On this computer")
        textFormat: Text.PlainText
        font.pixelSize: 18
        font.weight: Font.DemiBold
        Accessible.role: Accessible.Heading
    }

    WrappingSwitch {
        id: startAtLogin
        objectName: "startAtLoginSwitch"
        text: qsTr("Start Countersign when I log in (hidden in the tray)")
        checked: DesktopSettings.startAtLogin
        onToggled: {
            DesktopSettings.setStartAtLogin(checked);
            checked = Qt.binding(() => DesktopSettings.startAtLogin); // stays off when it failed
        }
    }
    WrappingSwitch {
        id: keepRunning
        objectName: "keepRunningInTraySwitch"
        text: qsTr("Keep running in the tray when the window is closed")
        checked: DesktopSettings.keepRunningInTray
        onToggled: {
            DesktopSettings.setKeepRunningInTray(checked);
            checked = Qt.binding(() => DesktopSettings.keepRunningInTray);
        }
    }

    ErrorBox {
        objectName: "desktopSettingsError"
        message: DesktopSettings.errorMessage
        visible: message !== ""
        Layout.fillWidth: true
    }
}
