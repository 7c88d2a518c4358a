pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Countersign

// A Material button drawn without Material's shadow layer. That layer is a shader effect, which
// the software scene graph (no GPU, remote desktops, offscreen) cannot draw: the button would
// vanish. `highlighted` makes it the page's main action.
Button {
    id: control

    readonly property color baseColor: control.highlighted ? control.Material.accentColor : Theme.button

    Accessible.name: control.text

    background: Rectangle {
        implicitWidth: 88
        implicitHeight: control.Material.buttonHeight
        radius: 4
        color: !control.enabled ? control.Material.buttonDisabledColor
                                : control.down ? Qt.darker(control.baseColor, 1.25)
                                               : control.hovered ? Qt.darker(control.baseColor, 1.1) : control.baseColor
        border.width: control.visualFocus ? 2 : 0
        border.color: control.Material.color(Material.Indigo, Material.Shade900)
    }
}
