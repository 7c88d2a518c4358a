import QtQuick
import QtTest
import Countersign

// SignInPage against the real Session view-model. $COUNTERSIGN_BROWSER is `true`: the browser
// "opens" and never comes back, so a sign-in waits until it is cancelled.
TestCase {
    id: testCase

    property SignInPage page: null

    SignalSpy {
        id: stateSpy
        target: Session
        signalName: "stateChanged"
    }

    function child(objectName: string): Item {
        const item = findChild(testCase.page, objectName);
        verify(item, "no child named " + objectName);
        return item;
    }

    function typeInto(objectName: string, text: string): void {
        const input = testCase.child(objectName + "Input");
        input.forceActiveFocus();
        input.selectAll();
        keyClick(Qt.Key_Delete);
        for (const character of text)
            keyClick(character);
    }

    function startSignInAndWaitForUrl(): void {
        mouseClick(testCase.child("signInButton"));
        compare(Session.state, Session.SigningIn);
        // The first sign-in starts the sandbox (Node), which takes a moment.
        tryVerify(() => Session.authorizationUrl !== "", 30000, "the authorization URL never came");
    }

    function init(): void {
        Session.clearError();
        Session.provider.kind = ProviderForm.Sandbox;
        Session.provider.auth0Domain = "";
        Session.provider.issuerUrl = "";
        Session.provider.clientId = "";
        testCase.page = createTemporaryObject(pageComponent, testCase);
        verify(testCase.page);
        testCase.page.forceActiveFocus();
        waitForRendering(testCase.page);
    }

    function cleanup(): void {
        Session.cancelSignIn();
        tryCompare(Session, "state", Session.SignedOut, 10000);
    }

    function test_accessibleNames(): void {
        for (const name of ["providerSandbox", "providerAuth0", "providerOther", "signInButton"])
            verify(testCase.child(name).Accessible.name !== "", name + " has no accessible name");
        mouseClick(testCase.child("providerAuth0"));
        compare(testCase.child("domainFieldInput").Accessible.name, "Auth0 domain");
        compare(testCase.child("clientIdFieldInput").Accessible.name, "Client ID");
        mouseClick(testCase.child("providerOther"));
        compare(testCase.child("issuerFieldInput").Accessible.name, "Issuer URL");
    }

    function test_auth0DomainIsValidatedAndAcceptsAPastedUrl(): void {
        mouseClick(testCase.child("providerAuth0"));
        testCase.typeInto("clientIdField", "abc123");
        testCase.typeInto("domainField", "not a domain");
        keyClick(Qt.Key_Tab);
        verify(testCase.child("domainFieldError").visible);
        testCase.typeInto("domainField", "https://example.eu.auth0.com/");
        verify(!testCase.child("domainFieldError").visible);
        compare(Session.provider.valid, true);
    }

    function test_enterSignsInAndAnUnreachableIssuerShowsTheNetworkError(): void {
        mouseClick(testCase.child("providerOther"));
        testCase.typeInto("clientIdField", "countersign-desktop");
        testCase.typeInto("issuerField", "http://127.0.0.1:1");
        stateSpy.clear();
        keyClick(Qt.Key_Return);
        // Refused connections on loopback come back fast: the SigningIn state may be over already.
        tryCompare(Session, "state", Session.SignedOut, 15000);
        verify(stateSpy.count >= 2, "Enter did not start a sign-in");
        const errorBox = testCase.child("errorBox");
        verify(errorBox.visible);
        verify(Session.errorMessage.length > 10, "error message: " + Session.errorMessage);
        compare(testCase.child("errorText").text, Session.errorMessage);
        compare(testCase.child("errorText").textFormat, TextEdit.PlainText);
        verify(testCase.child("signInButton").visible);
    }

    function test_errorsShowOnlyOnceTheFieldWasLeftOrSignInPressed(): void {
        mouseClick(testCase.child("providerOther"));
        verify(!testCase.child("issuerFieldError").visible);
        verify(!testCase.child("clientIdFieldError").visible);
        mouseClick(testCase.child("signInButton"));
        verify(testCase.child("issuerFieldError").visible);
        verify(testCase.child("clientIdFieldError").visible);
    }

    function test_escapeCancelsSignIn(): void {
        testCase.startSignInAndWaitForUrl();
        keyClick(Qt.Key_Escape);
        tryCompare(Session, "state", Session.SignedOut, 10000);
        compare(Session.errorMessage, "");
    }

    function test_invalidIssuerShowsAnErrorAndDoesNotSignIn(): void {
        mouseClick(testCase.child("providerOther"));
        testCase.typeInto("clientIdField", "countersign-desktop");
        testCase.typeInto("issuerField", "not a url");
        mouseClick(testCase.child("signInButton"));
        compare(Session.state, Session.SignedOut);
        const error = testCase.child("issuerFieldError");
        verify(error.visible);
        compare(error.text, "Enter a full URL, for example https://login.example.com.");
        verify(testCase.child("issuerFieldInput").activeFocus, "focus goes to the field to fix");
        verify(!testCase.child("waitingPanel").visible);

        testCase.typeInto("issuerField", "http://login.example.com");
        mouseClick(testCase.child("signInButton"));
        compare(Session.state, Session.SignedOut);
        verify(error.text.indexOf("https://") >= 0, error.text);
    }

    function test_providerChoiceShowsOnlyTheFieldsItNeeds(): void {
        const domain = testCase.child("domainField");
        const issuer = testCase.child("issuerField");
        const clientId = testCase.child("clientIdField");
        const audience = testCase.child("audienceField");
        const caFile = testCase.child("caFileField");
        verify(testCase.child("providerSandbox").checked);
        verify(!domain.visible && !issuer.visible && !clientId.visible && !audience.visible && !caFile.visible);

        mouseClick(testCase.child("providerAuth0"));
        compare(Session.provider.kind, ProviderForm.Auth0);
        verify(domain.visible && !issuer.visible && clientId.visible && audience.visible && caFile.visible);

        mouseClick(testCase.child("providerOther"));
        compare(Session.provider.kind, ProviderForm.OpenIdProvider);
        verify(!domain.visible && issuer.visible && clientId.visible && !audience.visible && caFile.visible);

        mouseClick(testCase.child("providerSandbox"));
        compare(Session.provider.kind, ProviderForm.Sandbox);
        verify(!domain.visible && !issuer.visible && !clientId.visible && !audience.visible && !caFile.visible);
    }

    function test_tabMovesThroughTheFormInReadingOrder(): void {
        mouseClick(testCase.child("providerOther"));
        waitForRendering(testCase.page);
        const order = ["providerOther", "issuerFieldInput", "clientIdFieldInput", "caFileFieldInput", "signInButton"];
        testCase.child("providerSandbox").forceActiveFocus();
        for (const name of ["providerAuth0"].concat(order)) {
            keyClick(Qt.Key_Tab);
            verify(testCase.child(name).activeFocus, "Tab should reach " + name);
        }
    }

    function test_signInWaitsForTheBrowserAndCancelReturnsToIdle(): void {
        testCase.startSignInAndWaitForUrl();
        const cancel = testCase.child("cancelButton");
        verify(cancel.visible);
        verify(cancel.activeFocus, "Cancel has the focus while waiting");
        verify(!testCase.child("signInButton").visible);
        compare(testCase.child("waitingLabel").text, "Waiting for you to finish signing in in your browser…");
        const url = testCase.child("authorizationUrlField");
        verify(url.visible);
        compare(url.text, Session.authorizationUrl);
        verify(url.text.indexOf("code_challenge_method=S256") > 0, url.text);
        for (const name of ["cancelButton", "authorizationUrlField", "copyUrlButton", "waitingLabel"])
            verify(testCase.child(name).Accessible.name !== "", name + " has no accessible name");

        mouseClick(cancel);
        tryCompare(Session, "state", Session.SignedOut, 10000);
        verify(testCase.child("signInButton").visible);
        verify(!testCase.child("waitingPanel").visible);
        compare(Session.authorizationUrl, "");
        compare(Session.errorMessage, "", "cancelling is not an error");
    }

    name: "SignInPage"
    when: windowShown
    width: 720
    height: 900
    visible: true

    Component {
        id: pageComponent

        SignInPage {
            width: 720
            height: 900
        }
    }
}
