pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// A tooltip that shows its text as plain text. ToolTip's own content (and the shared tooltip
// behind the attached ToolTip.text) is an AutoText Text: a tooltip holding a server's string, such
// as a scope, would render its markup and fetch its <img src>. Use this instead of either.
ToolTip {
    id: tip

    contentItem: Text {
        text: tip.text
        textFormat: Text.PlainText
        font: tip.font
        wrapMode: Text.WrapAnywhere
        color: tip.Material.foreground
    }
}
