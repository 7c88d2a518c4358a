import QtQuick
import QtTest
import Countersign
import CountersignTest

// Device codes in the app's window, end to end: a device (demo-device, through the sandbox) shows
// a code; alice, signed in, types it (any case, a space for the dash) or pastes the device's link
// on the "Enter code" page, sees who asks for what, and approves or denies; the device's poll
// hears of it. A wrong code says so. Then the app signs itself in with a code, approved by alice
// from another session. Quick Test runs the functions alphabetically.
TestCase {
    id: testCase

    function child(parentItem: QtObject, objectName: string): QtObject {
        const item = findChild(parentItem, objectName);
        verify(item, "no child named " + objectName);
        return item;
    }

    function texts(parentItem: QtObject, objectName: string): list<string> {
        const found = [];
        const visit = (item) => {
            if (item.objectName === objectName)
                found.push(item.text);
            for (let i = 0; i < item.children.length; ++i)
                visit(item.children[i]);
        };
        visit(parentItem);
        return found;
    }

    // Clicks a tab once the tab bar is laid out and drawn (the view may have just been created).
    function clickTab(window: QtObject, name: string): void {
        const tab = testCase.child(window.contentItem, name);
        tryVerify(() => tab.width > 0 && tab.visible);
        waitForRendering(window.contentItem);
        mouseClick(tab);
    }

    function signedInWindow(): QtObject {
        const window = createTemporaryObject(mainComponent, testCase);
        window.height = 1400;
        tryVerify(() => !Session.restoring);
        if (Session.state !== Session.SignedIn) {
            mouseClick(testCase.child(window.contentItem, "signInButton"));
            tryVerify(() => Session.state === Session.SignedIn || Session.errorMessage !== "", 90000);
            compare(Session.errorMessage, "");
        }
        clickTab(window, "deviceTab");
        tryVerify(() => testCase.child(window.contentItem, "deviceCodePage").visible);
        return window;
    }

    function enter(window: QtObject, text: string): void {
        const field = testCase.child(window.contentItem, "codeField");
        field.text = text;
        const button = testCase.child(window.contentItem, "lookupButton");
        tryVerify(() => button.enabled);
        waitForRendering(window.contentItem); // the page may still be laying out: click what is drawn
        mouseClick(button);
        tryVerify(() => !Devices.busy && (Devices.request.found || Devices.errorMessage !== ""), 10000);
    }

    function test_a_aTypedCodeShowsWhoAsksAndApprovalReachesTheDevice(): void {
        const window = signedInWindow();
        TestDevice.start(Session.issuer, 4);
        tryVerify(() => TestDevice.userCode !== "" || TestDevice.outcome !== "", 10000);
        compare(TestDevice.outcome, "");

        enter(window, TestDevice.userCode.toLowerCase().replace("-", " "));
        compare(Devices.errorMessage, "");
        verify(Devices.request.found);
        compare(testCase.child(window.contentItem, "deviceClientName").text, "Demo Device");
        verify(testCase.child(window.contentItem, "lookedUpUserCode").text.indexOf(TestDevice.userCode) >= 0);
        const values = texts(window.contentItem, "fieldValue");
        verify(values.some(v => v.indexOf("ACME") >= 0), JSON.stringify(values));
        // The time left counts down to the code's expiry (Countdown.secondsUntil()).
        const timeLeft = testCase.child(window.contentItem, "deviceStatus");
        verify(/^\d+:\d\d left, until /.test(timeLeft.text), timeLeft.text);
        const before = timeLeft.text;
        tryVerify(() => timeLeft.text !== before, 3000, "the time left does not count down");

        const approve = testCase.child(window.contentItem, "deviceApproveButton");
        tryVerify(() => approve.visible && approve.enabled);
        waitForRendering(window.contentItem);
        mouseClick(approve);
        tryVerify(() => Devices.outcome !== "" || Devices.errorMessage !== "", 10000);
        compare(Devices.errorMessage, "");
        compare(Devices.request.status, "approved");
        verify(testCase.child(window.contentItem, "deviceOutcome").visible);
        tryVerify(() => TestDevice.outcome !== "", 20000);
        verify(TestDevice.outcome.startsWith("approved alice "), TestDevice.outcome);
        compare(JSON.parse(TestDevice.outcome.substring("approved alice ".length))[0].qty, 4);
    }

    function test_b_aPastedLinkAndDenyTellTheDeviceNo(): void {
        const window = signedInWindow();
        TestDevice.start(Session.issuer, 2);
        tryVerify(() => TestDevice.link !== "" || TestDevice.outcome !== "", 10000);
        enter(window, TestDevice.link);
        verify(Devices.request.found, Devices.errorMessage);
        const deny = testCase.child(window.contentItem, "deviceDenyButton");
        tryVerify(() => deny.visible && deny.enabled);
        waitForRendering(window.contentItem);
        mouseClick(deny);
        tryVerify(() => Devices.request.status === "denied", 10000);
        tryCompare(TestDevice, "outcome", "denied", 20000);
    }

    function test_c_aWrongCodeSaysWhatIsWrong(): void {
        const window = signedInWindow();
        enter(window, "BBBB-BBBB");
        const error = testCase.child(window.contentItem, "deviceError");
        tryVerify(() => error.visible);
        verify(Devices.errorMessage.indexOf("No device is waiting") >= 0, Devices.errorMessage);
        verify(!Devices.request.found);
        enter(window, "<b>hello</b>");
        verify(Devices.errorMessage.indexOf("not a device code") >= 0, Devices.errorMessage);
    }

    // What `countersign LINK` does: the link is handed over, the code page opens and looks it up.
    function test_c_aLinkHandedOverOpensTheCodePage(): void {
        const window = signedInWindow();
        testCase.clickTab(window, "inboxTab");
        tryVerify(() => !testCase.child(window.contentItem, "deviceCodePage").visible);
        TestDevice.start(Session.issuer, 1);
        tryVerify(() => TestDevice.link !== "" || TestDevice.outcome !== "", 10000);
        Devices.openLink(TestDevice.link);
        tryVerify(() => testCase.child(window.contentItem, "deviceCodePage").visible);
        tryVerify(() => Devices.request.found && Devices.request.userCode === TestDevice.userCode, 10000);
        compare(Devices.requestedInput, "");
        compare(testCase.child(window.contentItem, "codeField").text, TestDevice.link);
    }

    // Keys only: Ctrl+3 opens the code page with the focus in the code field, Return looks the
    // code up, Tab reaches Deny (with a visible focus) and Space denies.
    function test_c3_keyboardOnlyLooksUpAndDenies(): void {
        const window = signedInWindow();
        window.requestActivate();
        tryVerify(() => window.active);
        verify(TestKeyboard.click(window, Qt.Key_1, Qt.ControlModifier));
        tryVerify(() => testCase.child(window.contentItem, "inboxPage").visible);
        TestDevice.start(Session.issuer, 2);
        tryVerify(() => TestDevice.userCode !== "" || TestDevice.outcome !== "", 10000);
        compare(TestDevice.outcome, "");

        verify(TestKeyboard.click(window, Qt.Key_3, Qt.ControlModifier));
        tryVerify(() => testCase.child(window.contentItem, "deviceCodePage").visible);
        const field = testCase.child(window.contentItem, "codeField");
        tryVerify(() => field.activeFocus, 5000, "the code field has the focus");
        field.selectAll();
        verify(TestKeyboard.type(window, TestDevice.userCode));
        compare(field.text, TestDevice.userCode);
        verify(TestKeyboard.click(window, Qt.Key_Return));
        tryVerify(() => !Devices.busy && Devices.request.found, 10000);

        const deny = testCase.child(window.contentItem, "deviceDenyButton");
        tryVerify(() => deny.visible && deny.enabled);
        for (let i = 0; i < 20 && !deny.activeFocus; ++i)
            verify(TestKeyboard.click(window, Qt.Key_Tab));
        verify(deny.activeFocus, "Tab reaches Deny");
        verify(deny.visualFocus, "Deny shows that it has the focus");
        verify(TestKeyboard.click(window, Qt.Key_Space));
        tryVerify(() => Devices.outcome !== "" || Devices.errorMessage !== "", 10000);
        compare(Devices.request.status, "denied");
        tryVerify(() => TestDevice.outcome !== "", 20000);
        verify(TestDevice.outcome.startsWith("denied"), TestDevice.outcome);
    }

    // Last: signs the app out. "Sign in with a code" shows a code; alice approves it from a
    // session of her own (as if on her phone); the app is signed in as her.
    function test_d_theAppSignsInWithACode(): void {
        const window = signedInWindow();
        const issuer = Session.issuer;
        clickTab(window, "accountTab");
        mouseClick(testCase.child(window.contentItem, "signOutButton"));
        tryCompare(Session, "state", Session.SignedOut, 30000);
        tryVerify(() => testCase.child(window.contentItem, "signInPage").visible);

        const withCode = testCase.child(window.contentItem, "signInWithCodeButton");
        tryVerify(() => withCode.visible && withCode.enabled);
        mouseClick(withCode);
        tryVerify(() => Session.deviceUserCode !== "" || Session.errorMessage !== "", 20000);
        compare(Session.errorMessage, "");
        compare(testCase.child(window.contentItem, "deviceUserCode").text, Session.deviceUserCode);
        compare(testCase.child(window.contentItem, "deviceVerificationUri").text, issuer + "/activate");

        compare(TestDevice.approveAsAlice(issuer, Session.deviceUserCode), "");
        tryCompare(Session, "state", Session.SignedIn, 30000);
        compare(Session.errorMessage, "");
        compare(Session.name, "Alice Adams");
        compare(Session.deviceUserCode, "");
    }

    name: "DeviceCodes"
    when: windowShown

    Component {
        id: mainComponent

        Main {}
    }
}
