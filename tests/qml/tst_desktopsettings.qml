import QtQuick
import QtQuick.Controls
import QtTest
import Countersign
import CountersignTest

// The account page's "On this computer" card, driven by keys alone: Tab reaches each switch,
// Space flips it; starting at login writes and removes the autostart entry, keeping running in
// the tray is saved; an autostart folder that cannot be written shows the error and leaves the
// switch off. Quick Test runs the functions alphabetically.
TestCase {
    id: testCase
    name: "DesktopSettings"
    when: windowShown

    Component {
        id: windowComponent
        ApplicationWindow {
            width: 520
            height: 400
            visible: true
            property alias card: card
            DesktopSettingsCard {
                id: card
                anchors.fill: parent
                anchors.margins: 16
            }
        }
    }

    function child(parentItem: QtObject, objectName: string): QtObject {
        const item = findChild(parentItem, objectName);
        verify(item, "no child named " + objectName);
        return item;
    }

    function activeWindow(): QtObject {
        const window = createTemporaryObject(windowComponent, testCase);
        window.requestActivate();
        tryVerify(() => window.active);
        waitForRendering(window.contentItem);
        return window;
    }

    // Tabs until `item` has the focus.
    function tabTo(window: QtObject, item: QtObject): void {
        for (let i = 0; i < 10 && !item.activeFocus; ++i)
            verify(TestKeyboard.click(window, Qt.Key_Tab));
        verify(item.activeFocus, item.objectName + " cannot be reached with Tab");
    }

    function test_a_keysSwitchStartingAtLoginOnAndOff(): void {
        const window = activeWindow();
        const startAtLogin = child(window.card, "startAtLoginSwitch");
        verify(!startAtLogin.checked);
        verify(!TestDesktop.autostartEntryExists());

        tabTo(window, startAtLogin);
        verify(TestKeyboard.click(window, Qt.Key_Space));
        tryVerify(() => DesktopSettings.startAtLogin);
        verify(startAtLogin.checked);
        verify(TestDesktop.autostartEntryExists());
        compare(DesktopSettings.errorMessage, "");

        verify(TestKeyboard.click(window, Qt.Key_Space));
        tryVerify(() => !DesktopSettings.startAtLogin);
        verify(!startAtLogin.checked);
        verify(!TestDesktop.autostartEntryExists());
    }

    function test_b_keysSwitchKeepingRunningInTheTray(): void {
        const window = activeWindow();
        const keep = child(window.card, "keepRunningInTraySwitch");
        verify(keep.checked, "on until switched off");
        verify(TestDesktop.keepRunningInTraySaved());
        tabTo(window, keep);
        verify(TestKeyboard.click(window, Qt.Key_Space));
        tryVerify(() => !DesktopSettings.keepRunningInTray);
        verify(!keep.checked);
        verify(!TestDesktop.keepRunningInTraySaved());
        verify(TestKeyboard.click(window, Qt.Key_Space));
        tryVerify(() => DesktopSettings.keepRunningInTray);
        verify(TestDesktop.keepRunningInTraySaved());
    }

    function test_c_aFolderThatCannotBeWrittenShowsWhyAndStaysOff(): void {
        verify(TestDesktop.blockAutostartFolder());
        const window = activeWindow();
        const startAtLogin = child(window.card, "startAtLoginSwitch");
        tabTo(window, startAtLogin);
        verify(TestKeyboard.click(window, Qt.Key_Space));
        const error = child(window.card, "desktopSettingsError");
        tryVerify(() => error.visible);
        verify(DesktopSettings.errorMessage.indexOf("could not set itself to start at login") >= 0,
               DesktopSettings.errorMessage);
        verify(!DesktopSettings.startAtLogin);
        verify(!startAtLogin.checked, "the switch goes back off");
    }
}
