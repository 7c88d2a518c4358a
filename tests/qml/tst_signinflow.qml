import QtQuick
import QtTest
import Countersign
import CountersignTest

// The app's window the whole way through: the local sandbox is started on demand, headless
// Chromium ($COUNTERSIGN_BROWSER) signs in as alice, the signed-in page shows who, sign-out ends it.
TestCase {
    id: testCase

    function child(parentItem: QtObject, objectName: string): QtObject {
        const item = findChild(parentItem, objectName);
        verify(item, "no child named " + objectName);
        return item;
    }

    function test_signInThroughTheBrowserShowsWhoIsSignedInAndSignOutEndsIt(): void {
        const window = createTemporaryObject(mainComponent, testCase);
        verify(window);
        tryVerify(() => !Session.restoring);
        compare(Session.state, Session.SignedOut);

        mouseClick(testCase.child(window.contentItem, "signInButton"));
        tryVerify(() => Session.state === Session.SignedIn || Session.errorMessage !== "", 90000);
        compare(Session.errorMessage, "");
        compare(Session.state, Session.SignedIn);
        compare(Session.errorMessage, "");
        compare(Session.name, "Alice Adams");
        compare(Session.email, "alice@example.com");
        verify(Session.issuer.startsWith("http://127.0.0.1:"), Session.issuer);

        // The signed-in view has only just been created: click the tab once the tab bar is laid
        // out (the Account tab in the right half) and drawn, or the click may land elsewhere.
        const accountTab = testCase.child(window.contentItem, "accountTab");
        tryVerify(() => accountTab.width > 0 && accountTab.mapToItem(window.contentItem, 0, 0).x >= window.width / 4);
        waitForRendering(window.contentItem);
        mouseClick(accountTab);
        const signedIn = testCase.child(window.contentItem, "signedInPage");
        tryVerify(() => signedIn.visible);
        compare(testCase.child(signedIn, "nameValue").text, "Alice Adams");
        compare(testCase.child(signedIn, "emailValue").text, "alice@example.com");
        compare(testCase.child(signedIn, "issuerValue").text, Session.issuer);

        mouseClick(testCase.child(signedIn, "signOutButton"));
        tryCompare(Session, "state", Session.SignedOut, 30000);
        compare(Session.errorMessage, "", "the sandbox was told: " + Session.errorMessage);
        compare(Session.name, "");
        tryVerify(() => testCase.child(window.contentItem, "signInPage").visible);
    }

    function test_signOutInAnotherProcessShowsTheSignInPageBySelf(): void {
        const window = createTemporaryObject(mainComponent, testCase);
        verify(window);
        tryVerify(() => !Session.restoring);
        if (Session.state !== Session.SignedIn) {
            mouseClick(testCase.child(window.contentItem, "signInButton"));
            tryVerify(() => Session.state === Session.SignedIn || Session.errorMessage !== "", 90000);
            compare(Session.state, Session.SignedIn, Session.errorMessage);
        }

        // countersign-cli logout, say: the window is not touched, yet it follows within seconds.
        TestOtherProcess.signOut();
        tryCompare(TestOtherProcess, "outcome", "signed out", 30000);
        tryCompare(Session, "state", Session.SignedOut, 5000);
        verify(Session.errorMessage.indexOf("another Countersign window") >= 0, Session.errorMessage);
        tryVerify(() => testCase.child(window.contentItem, "signInPage").visible);
    }

    name: "SignInFlow"
    when: windowShown

    Component {
        id: mainComponent

        Main {}
    }
}
