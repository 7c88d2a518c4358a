<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AgentSession</name>
    <message>
        <source>The saved conversation could not be read: %1</source>
        <translation>Das gespeicherte Gespräch konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The app was closed while this was running. It was not repeated, so that it cannot happen twice.</source>
        <translation>Die App wurde geschlossen, während dies lief. Es wurde nicht wiederholt, damit es nicht zweimal geschieht.</translation>
    </message>
    <message>
        <source>Stopped by you.</source>
        <translation>Von Ihnen angehalten.</translation>
    </message>
    <message>
        <source>I stopped: the agent kept calling tools without answering.</source>
        <translation>Ich habe angehalten: Der Agent rief immer weiter Werkzeuge auf, ohne zu antworten.</translation>
    </message>
    <message>
        <source>The agent failed: %1</source>
        <translation>Der Agent ist gescheitert: %1</translation>
    </message>
    <message>
        <source>There is no tool called &quot;%1&quot;.</source>
        <translation>Es gibt kein Werkzeug namens „%1“.</translation>
    </message>
    <message>
        <source>The conversation could not be saved: %1</source>
        <translation>Das Gespräch konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Cancelled by you.</source>
        <translation>Von Ihnen abgebrochen.</translation>
    </message>
    <message>
        <source>The saved conversation is nested deeper than %1 levels.</source>
        <translation>Das gespeicherte Gespräch ist tiefer als %1 Ebenen verschachtelt.</translation>
    </message>
    <message>
        <source>%1 It was set aside as %2, and a new conversation begins.</source>
        <translation>%1 Es wurde als %2 beiseitegelegt, und ein neues Gespräch beginnt.</translation>
    </message>
    <message>
        <source>%1 It could not be set aside either, so this conversation is not saved (%2 is kept as it is).</source>
        <translation>%1 Es konnte auch nicht beiseitegelegt werden, daher wird dieses Gespräch nicht gespeichert (%2 bleibt, wie es ist).</translation>
    </message>
</context>
<context>
    <name>AgentSettingsCard</name>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Rule-based demo agent (no language model, no network)</source>
        <translation>Regelbasierter Demo-Agent (kein Sprachmodell, kein Netzwerk)</translation>
    </message>
    <message>
        <source>OpenAI-compatible server</source>
        <translation>OpenAI-kompatibler Server</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Saved in the keychain; type to replace it</source>
        <translation>Im Schlüsselbund gespeichert; zum Ersetzen neu eingeben</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save the agent settings</source>
        <translation>Die Agent-Einstellungen speichern</translation>
    </message>
</context>
<context>
    <name>ApiTools</name>
    <message>
        <source>There is no permission to use %1.</source>
        <translation>Es gibt keine Berechtigung, %1 zu verwenden.</translation>
    </message>
    <message>
        <source>%1 refused: %2</source>
        <translation>%1 hat abgelehnt: %2</translation>
    </message>
    <message>
        <source>The data API</source>
        <translation>Die Daten-API</translation>
    </message>
    <message>
        <source>The calendar</source>
        <translation>Der Kalender</translation>
    </message>
    <message>
        <source>The documents API</source>
        <translation>Die Dokumenten-API</translation>
    </message>
    <message>
        <source>The documents API answered with something that is not a list.</source>
        <translation>Die Dokumenten-API hat mit etwas geantwortet, das keine Liste ist.</translation>
    </message>
</context>
<context>
    <name>Approval</name>
    <message>
        <source>The server sent an approval request with a missing or malformed &quot;%1&quot;.</source>
        <translation>Der Server hat eine Freigabeanfrage gesendet, in der „%1“ fehlt oder fehlerhaft ist.</translation>
    </message>
    <message>
        <source>The server sent an approval request that is not a JSON object.</source>
        <translation>Der Server hat eine Freigabeanfrage gesendet, die kein JSON-Objekt ist.</translation>
    </message>
    <message>
        <source>The server&apos;s list of approval requests is malformed.</source>
        <translation>Die Liste der Freigabeanfragen vom Server ist fehlerhaft.</translation>
    </message>
</context>
<context>
    <name>ApprovalCard</name>
    <message>
        <source>Waiting for your approval</source>
        <translation>Wartet auf Ihre Genehmigung</translation>
    </message>
    <message>
        <source>Replaced by a newer request</source>
        <translation>Durch eine neuere Anfrage ersetzt</translation>
    </message>
    <message>
        <source>No longer waiting</source>
        <translation>Wartet nicht mehr</translation>
    </message>
    <message>
        <source>Check that your inbox shows the same message, then decide there:</source>
        <translation>Prüfen Sie, ob Ihr Posteingang dieselbe Nachricht zeigt, und entscheiden Sie dort:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop waiting for this approval</source>
        <translation>Nicht mehr auf diese Genehmigung warten</translation>
    </message>
    <message>
        <source>Open in inbox</source>
        <translation>Im Posteingang öffnen</translation>
    </message>
</context>
<context>
    <name>ApprovalChannel</name>
    <message>
        <source>%1 has no approval channel: approval requests reach you another way (for Auth0, in the Guardian app).</source>
        <translation>%1 hat keinen Freigabekanal: Freigabeanfragen erreichen Sie auf anderem Weg (bei Auth0 in der Guardian-App).</translation>
    </message>
    <message>
        <source>Auth0 sends approval requests to the Auth0 Guardian app on your phone: approve or deny them there.</source>
        <translation>Auth0 sendet Freigabeanfragen an die App Auth0 Guardian auf Ihrem Telefon: Genehmigen oder lehnen Sie sie dort ab.</translation>
    </message>
</context>
<context>
    <name>ApprovalsClient</name>
    <message>
        <source>This request does not exist, or it is not yours to decide.</source>
        <translation>Diese Anfrage existiert nicht, oder Sie dürfen nicht über sie entscheiden.</translation>
    </message>
    <message>
        <source>This request was already decided the other way.</source>
        <translation>Über diese Anfrage wurde bereits anders entschieden.</translation>
    </message>
    <message>
        <source>This request has expired; it can no longer be decided.</source>
        <translation>Diese Anfrage ist abgelaufen; über sie kann nicht mehr entschieden werden.</translation>
    </message>
</context>
<context>
    <name>ApprovedActionTools</name>
    <message>
        <source>There is no approval for this trade.</source>
        <translation>Für diesen Handel gibt es keine Genehmigung.</translation>
    </message>
    <message>
        <source>The stock API refused the order: %1</source>
        <translation>Die Aktien-API hat den Auftrag abgelehnt: %1</translation>
    </message>
    <message>
        <source>There is no approval for this payment.</source>
        <translation>Für diese Zahlung gibt es keine Genehmigung.</translation>
    </message>
    <message>
        <source>The payments API refused the payment: %1</source>
        <translation>Die Zahlungs-API hat die Zahlung abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>ArgumentValidation</name>
    <message>
        <source>the arguments</source>
        <translation>die Argumente</translation>
    </message>
    <message>
        <source>%1: must be of type %2</source>
        <translation>%1: muss vom Typ %2 sein</translation>
    </message>
    <message>
        <source>%1: must be one of %2</source>
        <translation>%1: muss einer der Werte %2 sein</translation>
    </message>
    <message>
        <source>%1: must be at least %2</source>
        <translation>%1: muss mindestens %2 sein</translation>
    </message>
    <message>
        <source>%1: must be more than %2</source>
        <translation>%1: muss größer als %2 sein</translation>
    </message>
    <message>
        <source>%1: must be at most %2</source>
        <translation>%1: darf höchstens %2 sein</translation>
    </message>
    <message>
        <source>%1: must have at least %2 characters</source>
        <translation>%1: muss mindestens %2 Zeichen haben</translation>
    </message>
    <message>
        <source>%1: must have at most %2 characters</source>
        <translation>%1: darf höchstens %2 Zeichen haben</translation>
    </message>
    <message>
        <source>%1: must match %2</source>
        <translation>%1: muss %2 entsprechen</translation>
    </message>
    <message>
        <source>%1: is missing &quot;%2&quot;</source>
        <translation>%1: „%2“ fehlt</translation>
    </message>
    <message>
        <source>%1: is not a known parameter</source>
        <translation>%1: ist kein bekannter Parameter</translation>
    </message>
</context>
<context>
    <name>AsyncAuthorizer</name>
    <message>
        <source>Approvals are not available right now.</source>
        <translation>Genehmigungen sind gerade nicht verfügbar.</translation>
    </message>
    <message>
        <source>The approval request could not be sent: %1</source>
        <translation>Die Genehmigungsanfrage konnte nicht gesendet werden: %1</translation>
    </message>
    <message>
        <source>The saved approval request is damaged (&quot;%1&quot;); ask again.</source>
        <translation>Die gespeicherte Genehmigungsanfrage ist beschädigt („%1“); fragen Sie erneut.</translation>
    </message>
    <message>
        <source>You denied this.</source>
        <translation>Sie haben das abgelehnt.</translation>
    </message>
    <message>
        <source>You denied this: %1</source>
        <translation>Sie haben das abgelehnt: %1</translation>
    </message>
    <message>
        <source>Nobody approved this in time.</source>
        <translation>Niemand hat das rechtzeitig genehmigt.</translation>
    </message>
    <message>
        <source>in your inbox</source>
        <translation>in Ihrem Posteingang</translation>
    </message>
    <message>
        <source>Waiting for your approval of &quot;%1&quot; (%2; until %3).</source>
        <translation>Wartet auf Ihre Genehmigung von „%1“ (%2; bis %3).</translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <source>Countersign cannot start at login from where it is installed: its path has a control character in it (%1).</source>
        <translation>Countersign kann von dort, wo es installiert ist, nicht beim Anmelden am Computer starten: Sein Pfad enthält ein Steuerzeichen (%1).</translation>
    </message>
    <message>
        <source>Countersign could not set itself to start at login: %1 could not be written (%2).</source>
        <translation>Countersign konnte den Start beim Anmelden am Computer nicht einrichten: %1 konnte nicht geschrieben werden (%2).</translation>
    </message>
    <message>
        <source>its folder could not be made</source>
        <translation>ihr Ordner konnte nicht angelegt werden</translation>
    </message>
    <message>
        <source>Countersign could not stop starting at login: %1 could not be removed (%2).</source>
        <translation>Countersign konnte den Start beim Anmelden am Computer nicht abschalten: %1 konnte nicht entfernt werden (%2).</translation>
    </message>
</context>
<context>
    <name>ChatBubble</name>
    <message>
        <source>You: %1</source>
        <translation>Sie: %1</translation>
    </message>
    <message>
        <source>Agent: %1</source>
        <translation>Agent: %1</translation>
    </message>
</context>
<context>
    <name>ChatPage</name>
    <message>
        <source>Chatting with: %1</source>
        <translation>Im Gespräch mit: %1</translation>
    </message>
    <message>
        <source>Whatever it does on your behalf waits for your approval, here or in your inbox.</source>
        <translation>Alles, was er in Ihrem Namen tut, wartet auf Ihre Genehmigung, hier oder in Ihrem Posteingang.</translation>
    </message>
    <message>
        <source>Conversation with the agent</source>
        <translation>Gespräch mit dem Agenten</translation>
    </message>
    <message>
        <source>Ask the agent</source>
        <translation>Fragen Sie den Agenten</translation>
    </message>
    <message>
        <source>Ask it to do something for you, for example &quot;Buy 3 shares of ACME&quot;. Before it acts on your behalf, it asks for your approval.</source>
        <translation>Bitten Sie ihn, etwas für Sie zu erledigen, zum Beispiel „Buy 3 shares of ACME“. Bevor er in Ihrem Namen handelt, bittet er um Ihre Genehmigung.</translation>
    </message>
    <message>
        <source>Waiting for you: see above.</source>
        <translation>Wartet auf Sie: siehe oben.</translation>
    </message>
    <message>
        <source>The agent is working…</source>
        <translation>Der Agent arbeitet …</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Stop the agent and everything it is waiting for</source>
        <translation>Den Agenten anhalten und alles, worauf er wartet, beenden</translation>
    </message>
    <message>
        <source>You can send once the agent is done</source>
        <translation>Sie können senden, sobald der Agent fertig ist</translation>
    </message>
    <message>
        <source>Message the agent</source>
        <translation>Nachricht an den Agenten</translation>
    </message>
    <message>
        <source>Message to the agent</source>
        <translation>Nachricht an den Agenten</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send the message</source>
        <translation>Die Nachricht senden</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <source>Start a new chat</source>
        <translation>Einen neuen Chat beginnen</translation>
    </message>
</context>
<context>
    <name>CibaClient</name>
    <message>
        <source>The provider&apos;s answer has no &quot;auth_req_id&quot;.</source>
        <translation>Der Antwort des Anbieters fehlt „auth_req_id“.</translation>
    </message>
    <message>
        <source>The agent stopped waiting.</source>
        <translation>Der Agent wartet nicht mehr.</translation>
    </message>
</context>
<context>
    <name>CliRunner</name>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Commands:</source>
        <translation>Befehle:</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 oder %2</translation>
    </message>
    <message>
        <source>--%1 only applies to &quot;%2&quot;.</source>
        <translation>--%1 gilt nur für „%2“.</translation>
    </message>
    <message>
        <source>Give one command: %1. See --help.</source>
        <translation>Geben Sie einen Befehl an: %1. Siehe --help.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. See --help.</source>
        <translation>Unbekannter Befehl „%1“. Siehe --help.</translation>
    </message>
</context>
<context>
    <name>ConnectAccountCard</name>
    <message>
        <source>Connect your %1 account</source>
        <translation>Verbinden Sie Ihr %1-Konto</translation>
    </message>
    <message>
        <source>Tried again</source>
        <translation>Erneut versucht</translation>
    </message>
    <message>
        <source>No longer waiting</source>
        <translation>Wartet nicht mehr</translation>
    </message>
    <message>
        <source>The agent needs your %1 account for this. Connect it on the page that opens in your browser, then choose Try again.</source>
        <translation>Der Agent braucht dafür Ihr %1-Konto. Verbinden Sie es auf der Seite, die sich in Ihrem Browser öffnet, und wählen Sie dann „Erneut versuchen“.</translation>
    </message>
    <message>
        <source>The agent needs your %1 account for this. Connect it with your provider, then choose Try again.</source>
        <translation>Der Agent braucht dafür Ihr %1-Konto. Verbinden Sie es bei Ihrem Anbieter und wählen Sie dann „Erneut versuchen“.</translation>
    </message>
    <message>
        <source>Open connect page</source>
        <translation>Verbindungsseite öffnen</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Give up on this</source>
        <translation>Darauf verzichten</translation>
    </message>
</context>
<context>
    <name>Conversation</name>
    <message>
        <source>The saved conversation has a missing or malformed &quot;%1&quot;.</source>
        <translation>Im gespeicherten Gespräch fehlt „%1“ oder ist fehlerhaft.</translation>
    </message>
</context>
<context>
    <name>Countdown</name>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>%1 h left</source>
        <translation>noch %1 h</translation>
    </message>
    <message>
        <source>%1:%2 left</source>
        <translation>noch %1:%2</translation>
    </message>
</context>
<context>
    <name>DecisionButtons</name>
    <message>
        <source>Deny</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Genehmigen</translation>
    </message>
</context>
<context>
    <name>DemoBackend</name>
    <message>
        <source>I could not do that: %1</source>
        <translation>Das konnte ich nicht tun: %1</translation>
    </message>
    <message>
        <source>Done: %1 %2 %3 shares at %4 %5 (total %6 %5, order %7).</source>
        <translation>Erledigt: %2 %3-Aktien zu %4 %5 %1 (gesamt %6 %5, Auftrag %7).</translation>
    </message>
    <message>
        <source>bought</source>
        <translation>gekauft</translation>
    </message>
    <message>
        <source>sold</source>
        <translation>verkauft</translation>
    </message>
    <message>
        <source>Done: paid %1 %2 to %3 (payment %4).</source>
        <translation>Erledigt: %1 %2 an %3 gezahlt (Zahlung %4).</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>You are free all day on %1.</source>
        <translation>Am %1 sind Sie den ganzen Tag frei.</translation>
    </message>
    <message>
        <source>On %1 you are busy %2.</source>
        <translation>Am %1 sind Sie belegt: %2.</translation>
    </message>
    <message>
        <source>Record %1, &quot;%2&quot;: %3</source>
        <translation>Datensatz %1, „%2“: %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot;</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>No documents you may read match &quot;%1&quot;.</source>
        <translation>Keine Dokumente, die Sie lesen dürfen, passen zu „%1“.</translation>
    </message>
    <message>
        <source>Documents you may read about &quot;%1&quot;: %2.</source>
        <translation>Dokumente zu „%1“, die Sie lesen dürfen: %2.</translation>
    </message>
    <message>
        <source>%1 returned: %2</source>
        <translation>%1 lieferte: %2</translation>
    </message>
    <message>
        <source>I do not know who you are: nobody is signed in.</source>
        <translation>Ich weiß nicht, wer Sie sind: Niemand ist angemeldet.</translation>
    </message>
    <message>
        <source>You are signed in as %1.</source>
        <translation>Sie sind als %1 angemeldet.</translation>
    </message>
    <message>
        <source>I can: %1.</source>
        <translation>Ich kann: %1.</translation>
    </message>
    <message>
        <source>I cannot: %1.</source>
        <translation>Ich kann nicht: %1.</translation>
    </message>
    <message>
        <source>Rule-based demo agent (no language model)</source>
        <translation>Regelbasierter Demo-Agent (kein Sprachmodell)</translation>
    </message>
    <message>
        <source>I cannot do that here: the %1 tool is not available in this session.</source>
        <translation>Das kann ich hier nicht tun: Das Werkzeug %1 ist in dieser Sitzung nicht verfügbar.</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>I am the rule-based demo agent. I understand requests like: &quot;Buy 3 shares of ACME&quot;, &quot;Sell 2 shares of GLOBEX at least 50&quot;, &quot;Pay 25 EUR to Erika&quot;, &quot;Check my calendar tomorrow&quot;, &quot;Fetch data record r-1001&quot;, &quot;Search documents about budget&quot;, &quot;Read document q3-plan&quot; and &quot;What can I do?&quot;.</source>
        <translation>Ich bin der regelbasierte Demo-Agent. Ich verstehe Anfragen wie: „Buy 3 shares of ACME“, „Sell 2 shares of GLOBEX at least 50“, „Pay 25 EUR to Erika“, „Check my calendar tomorrow“, „Fetch data record r-1001“, „Search documents about budget“, „Read document q3-plan“ und „What can I do?“.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2</source>
        <translation>„%1“: %2</translation>
    </message>
</context>
<context>
    <name>DesktopSettingsCard</name>
    <message>
        <source>On this computer</source>
        <translation>Auf diesem Computer</translation>
    </message>
    <message>
        <source>Start Countersign when I log in (hidden in the tray)</source>
        <translation>Countersign starten, wenn ich mich am Computer anmelde (verborgen im Infobereich)</translation>
    </message>
    <message>
        <source>Keep running in the tray when the window is closed</source>
        <translation>Im Infobereich weiterlaufen, wenn das Fenster geschlossen wird</translation>
    </message>
</context>
<context>
    <name>DetailSections</name>
    <message>
        <source>Show all</source>
        <translation>Alle anzeigen</translation>
    </message>
</context>
<context>
    <name>DeviceApprover</name>
    <message>
        <source>No device is waiting for this code. Check it against the device&apos;s screen.</source>
        <translation>Kein Gerät wartet auf diesen Code. Vergleichen Sie ihn mit der Anzeige des Geräts.</translation>
    </message>
    <message>
        <source>This code has expired. Ask the device for a new one.</source>
        <translation>Dieser Code ist abgelaufen. Lassen Sie sich vom Gerät einen neuen geben.</translation>
    </message>
    <message>
        <source>This code was already decided the other way.</source>
        <translation>Über diesen Code wurde bereits anders entschieden.</translation>
    </message>
    <message>
        <source>Too many unknown codes were tried. Wait a minute, then try again.</source>
        <translation>Es wurden zu viele unbekannte Codes versucht. Warten Sie eine Minute und versuchen Sie es dann erneut.</translation>
    </message>
</context>
<context>
    <name>DeviceAuthorizationClient</name>
    <message>
        <source>The provider&apos;s answer has no &quot;device_code&quot;.</source>
        <translation>Der Antwort des Anbieters fehlt „device_code“.</translation>
    </message>
    <message>
        <source>The provider&apos;s answer has no &quot;user_code&quot;.</source>
        <translation>Der Antwort des Anbieters fehlt „user_code“.</translation>
    </message>
    <message>
        <source>The provider&apos;s answer has no valid &quot;verification_uri&quot;.</source>
        <translation>Die Antwort des Anbieters enthält keine gültige „verification_uri“.</translation>
    </message>
    <message>
        <source>Stopped waiting for the code.</source>
        <translation>Das Warten auf den Code wurde beendet.</translation>
    </message>
</context>
<context>
    <name>DeviceAuthorizer</name>
    <message>
        <source>Device authorization is not available right now.</source>
        <translation>Die Geräteautorisierung ist gerade nicht verfügbar.</translation>
    </message>
    <message>
        <source>The agent could not get a code to approve: %1</source>
        <translation>Der Agent konnte keinen Code zum Bestätigen erhalten: %1</translation>
    </message>
    <message>
        <source>Enter the code %1 on the &quot;Enter code&quot; page (or at %2) and approve it.</source>
        <translation>Geben Sie den Code %1 auf der Seite „Code eingeben“ (oder unter %2) ein und genehmigen Sie ihn.</translation>
    </message>
    <message>
        <source>To %1, enter the code %2 on the &quot;Enter code&quot; page (or at %3) and approve it.</source>
        <translation>Um %1, geben Sie den Code %2 auf der Seite „Code eingeben“ (oder unter %3) ein und genehmigen Sie ihn.</translation>
    </message>
    <message>
        <source>The saved device code is damaged (&quot;%1&quot;); ask again.</source>
        <translation>Der gespeicherte Gerätecode ist beschädigt („%1“); fragen Sie erneut.</translation>
    </message>
    <message>
        <source>You denied the code %1.</source>
        <translation>Sie haben den Code %1 abgelehnt.</translation>
    </message>
    <message>
        <source>Nobody entered the code %1 in time.</source>
        <translation>Niemand hat den Code %1 rechtzeitig eingegeben.</translation>
    </message>
</context>
<context>
    <name>DeviceCodeCard</name>
    <message>
        <source>Code %1</source>
        <translation>Code %1</translation>
    </message>
    <message>
        <source>Approve with a code</source>
        <translation>Mit einem Code genehmigen</translation>
    </message>
    <message>
        <source>Replaced by a newer code</source>
        <translation>Durch einen neueren Code ersetzt</translation>
    </message>
    <message>
        <source>No longer waiting</source>
        <translation>Wartet nicht mehr</translation>
    </message>
    <message>
        <source>The agent needs your approval for this. Enter the code on the Enter code page, or on your provider&apos;s page.</source>
        <translation>Der Agent braucht dafür Ihre Genehmigung. Geben Sie den Code auf der Seite „Code eingeben“ ein oder auf der Seite Ihres Anbieters.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the code</source>
        <translation>Den Code kopieren</translation>
    </message>
    <message>
        <source>Open page</source>
        <translation>Seite öffnen</translation>
    </message>
    <message>
        <source>Open your provider&apos;s page for the code</source>
        <translation>Die Seite Ihres Anbieters für den Code öffnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop waiting for this code</source>
        <translation>Nicht mehr auf diesen Code warten</translation>
    </message>
    <message>
        <source>Enter code</source>
        <translation>Code eingeben</translation>
    </message>
    <message>
        <source>Enter the code on the Enter code page</source>
        <translation>Den Code auf der Seite „Code eingeben“ eingeben</translation>
    </message>
</context>
<context>
    <name>DeviceCodePage</name>
    <message>
        <source>Enter the code a device shows you</source>
        <translation>Geben Sie den Code ein, den ein Gerät Ihnen anzeigt</translation>
    </message>
    <message>
        <source>A TV, a command-line tool or another computer that wants to act as you shows a code such as WDJB-MJHT. Type it here, or paste the link it shows.</source>
        <translation>Ein Fernseher, ein Kommandozeilenprogramm oder ein anderer Computer, der in Ihrem Namen handeln möchte, zeigt einen Code wie WDJB-MJHT an. Geben Sie ihn hier ein oder fügen Sie den angezeigten Link ein.</translation>
    </message>
    <message>
        <source>WDJB-MJHT, or the device&apos;s link</source>
        <translation>WDJB-MJHT oder der Link des Geräts</translation>
    </message>
    <message>
        <source>Device code or link</source>
        <translation>Gerätecode oder Link</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>Nachschlagen</translation>
    </message>
</context>
<context>
    <name>DeviceRequest</name>
    <message>
        <source>The server described the device code with a missing or malformed &quot;%1&quot;.</source>
        <translation>Der Server hat den Gerätecode mit fehlendem oder fehlerhaftem „%1“ beschrieben.</translation>
    </message>
    <message>
        <source>The server described the device code with something that is not a JSON object.</source>
        <translation>Der Server hat den Gerätecode mit etwas beschrieben, das kein JSON-Objekt ist.</translation>
    </message>
</context>
<context>
    <name>DiscoveryClient</name>
    <message>
        <source>&quot;%1&quot; is not a valid issuer URL.</source>
        <translation>„%1“ ist keine gültige Aussteller-URL.</translation>
    </message>
    <message>
        <source>The issuer %1 does not use https. Only providers on this computer (127.0.0.1) may use plain http.</source>
        <translation>Der Aussteller %1 verwendet kein https. Nur Anbieter auf diesem Computer (127.0.0.1) dürfen einfaches http verwenden.</translation>
    </message>
    <message>
        <source>%1 is not an OpenID provider: %2</source>
        <translation>%1 ist kein OpenID-Anbieter: %2</translation>
    </message>
</context>
<context>
    <name>EventStream</name>
    <message>
        <source>The server did not answer with an event stream (it sent &quot;%1&quot;).</source>
        <translation>Der Server hat nicht mit einem Ereignisstrom geantwortet (er hat „%1“ gesendet).</translation>
    </message>
    <message>
        <source>The server sent an oversized error answer.</source>
        <translation>Der Server hat eine übergroße Fehlerantwort geschickt.</translation>
    </message>
    <message>
        <source>The server sent an event too large to be genuine.</source>
        <translation>Der Server hat ein Ereignis geschickt, das zu groß ist, um echt zu sein.</translation>
    </message>
    <message>
        <source>The server closed the event stream.</source>
        <translation>Der Server hat den Ereignisstrom geschlossen.</translation>
    </message>
</context>
<context>
    <name>FederatedTokenAuthorizer</name>
    <message>
        <source>Your %1 account could not be reached: %2</source>
        <translation>Ihr %1-Konto war nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>Connect your %1 account, then try again.</source>
        <translation>Verbinden Sie Ihr %1-Konto und versuchen Sie es dann erneut.</translation>
    </message>
</context>
<context>
    <name>FgaAuthorizer</name>
    <message>
        <source>Permissions cannot be checked right now.</source>
        <translation>Berechtigungen können gerade nicht geprüft werden.</translation>
    </message>
    <message>
        <source>Your permissions could not be checked: %1</source>
        <translation>Ihre Berechtigungen konnten nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>You are not a %1 of %2, so the agent may not use it.</source>
        <translation>Sie sind nicht %1 von %2, deshalb darf der Agent es nicht verwenden.</translation>
    </message>
    <message>
        <source>There is nothing to resume; ask again.</source>
        <translation>Es gibt nichts fortzusetzen; fragen Sie erneut.</translation>
    </message>
</context>
<context>
    <name>FgaClient</name>
    <message>
        <source>The authorization service sent an unreadable answer.</source>
        <translation>Der Autorisierungsdienst hat eine unlesbare Antwort gesendet.</translation>
    </message>
</context>
<context>
    <name>GuiCommandLine</name>
    <message>
        <source>Countersign: sign in to your OpenID provider.</source>
        <translation>Countersign: Melden Sie sich bei Ihrem OpenID-Anbieter an.</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE once it is shown, then quit.</source>
        <translation>Ein Bild des Fensters in DATEI speichern, sobald es angezeigt wird, und dann beenden.</translation>
    </message>
    <message>
        <source>The issuer must be an https:// URL (or http:// on this computer): %1</source>
        <translation>Der Aussteller muss eine https://-URL sein (oder http:// auf diesem Computer): %1</translation>
    </message>
    <message>
        <source>Could not save the screenshot to %1</source>
        <translation>Das Bildschirmfoto konnte nicht unter %1 gespeichert werden</translation>
    </message>
    <message>
        <source>A device&apos;s verification link (with its code) to open on the &quot;Enter code&quot; page.</source>
        <translation>Der Bestätigungslink eines Geräts (mit seinem Code), der auf der Seite „Code eingeben“ geöffnet wird.</translation>
    </message>
    <message>
        <source>Give at most one device link.</source>
        <translation>Geben Sie höchstens einen Gerätelink an.</translation>
    </message>
    <message>
        <source>Not a device&apos;s verification link: %1</source>
        <translation>Kein Bestätigungslink eines Geräts: %1</translation>
    </message>
    <message>
        <source>Start without showing the window (as at login); starting Countersign again shows it.</source>
        <translation>Ohne Fenster starten (wie beim Anmelden am Computer); ein erneuter Start von Countersign zeigt es.</translation>
    </message>
    <message>
        <source>--hidden and --screenshot do not go together: a screenshot needs the window.</source>
        <translation>--hidden und --screenshot passen nicht zusammen: Ein Bildschirmfoto braucht das Fenster.</translation>
    </message>
    <message>
        <source>Countersign is already running; passed it on.</source>
        <translation>Countersign läuft bereits; dorthin weitergegeben.</translation>
    </message>
</context>
<context>
    <name>HttpClient</name>
    <message>
        <source>Could not connect to %1: the connection was refused. Is the server running?</source>
        <translation>Keine Verbindung zu %1: Die Verbindung wurde abgelehnt. Läuft der Server?</translation>
    </message>
    <message>
        <source>Could not find the server %1. Check the address and your network connection.</source>
        <translation>Der Server %1 wurde nicht gefunden. Prüfen Sie die Adresse und Ihre Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation>%1 hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: %2</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Could not reach %1: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>The %1 is not a JSON object.</source>
        <translation>%1 ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>%1 answered with HTTP status %2.</source>
        <translation>%1 hat mit HTTP-Status %2 geantwortet.</translation>
    </message>
    <message>
        <source>response from %1</source>
        <translation>Die Antwort von %1</translation>
    </message>
    <message>
        <source>The %1 is not valid JSON (error at byte %2).</source>
        <translation>Die %1 ist kein gültiges JSON (Fehler bei Byte %2).</translation>
    </message>
    <message>
        <source>%1 sent an answer too large to be genuine.</source>
        <translation>%1 hat eine Antwort geschickt, die zu groß ist, um echt zu sein.</translation>
    </message>
    <message>
        <source>%1 sent JSON nested deeper than %2 levels.</source>
        <translation>%1 hat JSON gesendet, das tiefer als %2 Ebenen verschachtelt ist.</translation>
    </message>
</context>
<context>
    <name>IdTokenValidator</name>
    <message>
        <source>The sign-in token has no &quot;%1&quot; claim.</source>
        <translation>Dem Anmelde-Token fehlt der Claim „%1“.</translation>
    </message>
    <message>
        <source>The sign-in token&apos;s &quot;%1&quot; claim has an invalid value.</source>
        <translation>Der Claim „%1“ des Anmelde-Tokens hat einen ungültigen Wert.</translation>
    </message>
    <message>
        <source>The sign-in token wraps other content, which an ID token never does.</source>
        <translation>Das Anmelde-Token umhüllt einen anderen Inhalt, was ein ID-Token niemals tut.</translation>
    </message>
    <message>
        <source>The token is another kind of token (such as an access token), not an ID token.</source>
        <translation>Das Token ist eine andere Art von Token (etwa ein Zugriffstoken), kein ID-Token.</translation>
    </message>
    <message>
        <source>The sign-in token was issued by a different identity provider.</source>
        <translation>Das Anmelde-Token wurde von einem anderen Identitätsanbieter ausgestellt.</translation>
    </message>
    <message>
        <source>The sign-in token was issued for a different application.</source>
        <translation>Das Anmelde-Token wurde für eine andere Anwendung ausgestellt.</translation>
    </message>
    <message>
        <source>The sign-in token is meant for several applications but does not say which one requested it.</source>
        <translation>Das Anmelde-Token ist für mehrere Anwendungen bestimmt, gibt aber nicht an, welche es angefordert hat.</translation>
    </message>
    <message>
        <source>The sign-in token was requested by a different application.</source>
        <translation>Das Anmelde-Token wurde von einer anderen Anwendung angefordert.</translation>
    </message>
    <message>
        <source>The sign-in token has expired. If this keeps happening, check that this computer&apos;s clock is correct.</source>
        <translation>Das Anmelde-Token ist abgelaufen. Wenn das weiterhin passiert, prüfen Sie, ob die Uhr dieses Computers richtig geht.</translation>
    </message>
    <message>
        <source>The sign-in token claims to be issued in the future. Check that this computer&apos;s clock is correct.</source>
        <translation>Das Anmelde-Token gibt an, in der Zukunft ausgestellt worden zu sein. Prüfen Sie, ob die Uhr dieses Computers richtig geht.</translation>
    </message>
    <message>
        <source>The sign-in token was issued too long ago.</source>
        <translation>Das Anmelde-Token wurde vor zu langer Zeit ausgestellt.</translation>
    </message>
    <message>
        <source>The sign-in token is not valid yet. Check that this computer&apos;s clock is correct.</source>
        <translation>Das Anmelde-Token ist noch nicht gültig. Prüfen Sie, ob die Uhr dieses Computers richtig geht.</translation>
    </message>
    <message>
        <source>The sign-in token does not carry the sign-in request&apos;s nonce.</source>
        <translation>Das Anmelde-Token enthält nicht die Nonce der Anmeldeanfrage.</translation>
    </message>
    <message>
        <source>The sign-in token belongs to a different sign-in attempt (nonce mismatch).</source>
        <translation>Das Anmelde-Token gehört zu einem anderen Anmeldeversuch (Nonce stimmt nicht überein).</translation>
    </message>
    <message>
        <source>The sign-in token does not identify the user (&quot;sub&quot;).</source>
        <translation>Das Anmelde-Token identifiziert den Benutzer nicht („sub“).</translation>
    </message>
    <message>
        <source>The sign-in cannot be checked: the identity provider&apos;s issuer or this app&apos;s client id is not configured.</source>
        <translation>Die Anmeldung kann nicht geprüft werden: Der Aussteller des Identitätsanbieters oder die Client-ID dieser Anwendung ist nicht eingerichtet.</translation>
    </message>
    <message>
        <source>The sign-in token&apos;s claims are not a JSON object.</source>
        <translation>Die Claims des Anmelde-Tokens sind kein JSON-Objekt.</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Genehmigt</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Approval requests</source>
        <translation>Freigabeanfragen</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
    <message>
        <source>Remove from history</source>
        <translation>Aus dem Verlauf entfernen</translation>
    </message>
    <message>
        <source>Nothing waiting for you</source>
        <translation>Nichts wartet auf Sie</translation>
    </message>
    <message>
        <source>When an app or AI agent asks to act on your behalf (to buy stock, say, or to make a payment) the request appears here at once, and you decide whether it goes ahead.</source>
        <translation>Wenn eine App oder ein KI-Agent in Ihrem Namen handeln möchte (etwa um Aktien zu kaufen oder eine Zahlung auszuführen), erscheint die Anfrage sofort hier, und Sie entscheiden, ob sie ausgeführt wird.</translation>
    </message>
    <message>
        <source>Requests your agent is waiting on</source>
        <translation>Anfragen, auf die Ihr Agent wartet</translation>
    </message>
    <message>
        <source>Waiting, %1</source>
        <translation>Wartet, %1</translation>
    </message>
    <message>
        <source>Not completed: %1</source>
        <translation>Nicht abgeschlossen: %1</translation>
    </message>
    <message>
        <source>Your agent is not waiting for any approval. When it asks for one, the request goes to Auth0 Guardian and shows here too, with where it stands.</source>
        <translation>Ihr Agent wartet auf keine Genehmigung. Wenn er um eine bittet, geht die Anfrage an Auth0 Guardian und erscheint auch hier, mit ihrem Stand.</translation>
    </message>
    <message>
        <source>Open a request to see it here.</source>
        <translation>Öffnen Sie eine Anfrage, um sie hier zu sehen.</translation>
    </message>
</context>
<context>
    <name>JwkSet</name>
    <message>
        <source>A key without an id</source>
        <translation>Ein Schlüssel ohne ID</translation>
    </message>
    <message>
        <source>Key &quot;%1&quot;</source>
        <translation>Schlüssel „%1“</translation>
    </message>
    <message>
        <source>%1 is an RSA key without a valid modulus and exponent.</source>
        <translation>%1 ist ein RSA-Schlüssel ohne gültigen Modulus und Exponenten.</translation>
    </message>
    <message>
        <source>%1 is an RSA key of an unsupported size.</source>
        <translation>%1 ist ein RSA-Schlüssel mit nicht unterstützter Größe.</translation>
    </message>
    <message>
        <source>%1 is not a valid RSA public key.</source>
        <translation>%1 ist kein gültiger öffentlicher RSA-Schlüssel.</translation>
    </message>
    <message>
        <source>%1 is an RSA key of %2 bits; at least %3 bits are required.</source>
        <translation>%1 ist ein RSA-Schlüssel mit %2 Bit; mindestens %3 Bit sind erforderlich.</translation>
    </message>
    <message>
        <source>%1 is an EC key without valid coordinates.</source>
        <translation>%1 ist ein EC-Schlüssel ohne gültige Koordinaten.</translation>
    </message>
    <message>
        <source>%1 does not describe a point on curve %2.</source>
        <translation>%1 beschreibt keinen Punkt auf der Kurve %2.</translation>
    </message>
    <message>
        <source>%1 is not a valid EC public key.</source>
        <translation>%1 ist kein gültiger öffentlicher EC-Schlüssel.</translation>
    </message>
    <message>
        <source>%1 is not a valid %2 public key.</source>
        <translation>%1 ist kein gültiger öffentlicher %2-Schlüssel.</translation>
    </message>
    <message>
        <source>%1 is an %2 key without a valid public value.</source>
        <translation>%1 ist ein %2-Schlüssel ohne gültigen öffentlichen Wert.</translation>
    </message>
    <message>
        <source>An entry of the key set is not a JSON object.</source>
        <translation>Ein Eintrag des Schlüsselsatzes ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>A key has a &quot;kid&quot; that is not a string.</source>
        <translation>Ein Schlüssel hat eine „kid“, die keine Zeichenkette ist.</translation>
    </message>
    <message>
        <source>%1 has no key type (&quot;kty&quot;).</source>
        <translation>%1 hat keinen Schlüsseltyp („kty“).</translation>
    </message>
    <message>
        <source>%1 has key type &quot;%2&quot;, which is not used for signatures here.</source>
        <translation>%1 hat den Schlüsseltyp „%2“, der hier nicht für Signaturen verwendet wird.</translation>
    </message>
    <message>
        <source>%1 contains private key material, which an identity provider must never publish; the key is ignored.</source>
        <translation>%1 enthält privates Schlüsselmaterial, das ein Identitätsanbieter niemals veröffentlichen darf; der Schlüssel wird ignoriert.</translation>
    </message>
    <message>
        <source>%1 is not meant for verifying signatures.</source>
        <translation>%1 ist nicht zum Prüfen von Signaturen bestimmt.</translation>
    </message>
    <message>
        <source>%1 uses curve &quot;%2&quot;, which is not supported.</source>
        <translation>%1 verwendet die Kurve „%2“, die nicht unterstützt wird.</translation>
    </message>
    <message>
        <source>%1 is declared for algorithm &quot;%2&quot;, which is not supported for this key type.</source>
        <translation>%1 ist für den Algorithmus „%2“ deklariert, der für diesen Schlüsseltyp nicht unterstützt wird.</translation>
    </message>
    <message>
        <source>The identity provider&apos;s key set is unreasonably large.</source>
        <translation>Der Schlüsselsatz des Identitätsanbieters ist unangemessen groß.</translation>
    </message>
    <message>
        <source>The identity provider&apos;s key set is not a JSON object with a &quot;keys&quot; list.</source>
        <translation>Der Schlüsselsatz des Identitätsanbieters ist kein JSON-Objekt mit einer „keys“-Liste.</translation>
    </message>
    <message>
        <source>The identity provider&apos;s key set lists too many keys.</source>
        <translation>Der Schlüsselsatz des Identitätsanbieters enthält zu viele Schlüssel.</translation>
    </message>
    <message>
        <source>The key set is empty.</source>
        <translation>Der Schlüsselsatz ist leer.</translation>
    </message>
    <message>
        <source>The identity provider publishes no key this app can verify signatures with. %1</source>
        <translation>Der Identitätsanbieter veröffentlicht keinen Schlüssel, mit dem diese Anwendung Signaturen prüfen kann. %1</translation>
    </message>
</context>
<context>
    <name>JwsVerifier</name>
    <message>
        <source>The token is unreasonably large.</source>
        <translation>Das Token ist unangemessen groß.</translation>
    </message>
    <message>
        <source>The token does not consist of three parts.</source>
        <translation>Das Token besteht nicht aus drei Teilen.</translation>
    </message>
    <message>
        <source>The token is not valid base64url.</source>
        <translation>Das Token ist kein gültiges base64url.</translation>
    </message>
    <message>
        <source>The token&apos;s header is not a JSON object.</source>
        <translation>Der Header des Tokens ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The token&apos;s header does not name its algorithm.</source>
        <translation>Der Header des Tokens nennt keinen Algorithmus.</translation>
    </message>
    <message>
        <source>The token&apos;s key id is not a string.</source>
        <translation>Die Schlüssel-ID des Tokens ist keine Zeichenkette.</translation>
    </message>
    <message>
        <source>The token uses algorithm &quot;%1&quot;, which is never accepted.</source>
        <translation>Das Token verwendet den Algorithmus „%1“, der niemals akzeptiert wird.</translation>
    </message>
    <message>
        <source>The token uses algorithm &quot;%1&quot;, which is not allowed.</source>
        <translation>Das Token verwendet den Algorithmus „%1“, der nicht erlaubt ist.</translation>
    </message>
    <message>
        <source>The token brings its own key (&quot;%1&quot;), which is never trusted.</source>
        <translation>Das Token bringt seinen eigenen Schlüssel mit („%1“), dem niemals vertraut wird.</translation>
    </message>
    <message>
        <source>The token requires extensions (&quot;crit&quot;) that are not supported.</source>
        <translation>Das Token erfordert Erweiterungen („crit“), die nicht unterstützt werden.</translation>
    </message>
    <message>
        <source>The token names a key the identity provider does not publish (key id &quot;%1&quot;).</source>
        <translation>Das Token nennt einen Schlüssel, den der Identitätsanbieter nicht veröffentlicht (Schlüssel-ID „%1“).</translation>
    </message>
    <message>
        <source>The token&apos;s algorithm &quot;%1&quot; does not fit key &quot;%2&quot;.</source>
        <translation>Der Algorithmus „%1“ des Tokens passt nicht zum Schlüssel „%2“.</translation>
    </message>
    <message>
        <source>The identity provider publishes no key for algorithm &quot;%1&quot;.</source>
        <translation>Der Identitätsanbieter veröffentlicht keinen Schlüssel für den Algorithmus „%1“.</translation>
    </message>
    <message>
        <source>The token does not say which of the identity provider&apos;s keys signed it.</source>
        <translation>Das Token gibt nicht an, welcher Schlüssel des Identitätsanbieters es signiert hat.</translation>
    </message>
    <message>
        <source>The token&apos;s signature is not valid.</source>
        <translation>Die Signatur des Tokens ist ungültig.</translation>
    </message>
</context>
<context>
    <name>LoopbackRedirectListener</name>
    <message>
        <source>Signed in to Countersign</source>
        <translation>Bei Countersign angemeldet</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>You can close this tab and return to Countersign.</source>
        <translation>Sie können diesen Tab schließen und zu Countersign zurückkehren.</translation>
    </message>
    <message>
        <source>Return to Countersign to try again.</source>
        <translation>Kehren Sie zu Countersign zurück, um es erneut zu versuchen.</translation>
    </message>
    <message>
        <source>No answer arrived from the browser in time. Sign in again to retry.</source>
        <translation>Vom Browser kam nicht rechtzeitig eine Antwort. Melden Sie sich erneut an, um es noch einmal zu versuchen.</translation>
    </message>
    <message>
        <source>Could not open a local port for the sign-in redirect: %1</source>
        <translation>Für die Weiterleitung nach der Anmeldung konnte kein lokaler Port geöffnet werden: %1</translation>
    </message>
    <message>
        <source>This is not a sign-in redirect.</source>
        <translation>Dies ist keine Weiterleitung nach einer Anmeldung.</translation>
    </message>
    <message>
        <source>This sign-in response does not belong to the sign-in in progress.</source>
        <translation>Diese Anmeldeantwort gehört nicht zur laufenden Anmeldung.</translation>
    </message>
    <message>
        <source>Sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Countersign stopped waiting for this sign-in.</source>
        <translation>Countersign wartet nicht mehr auf diese Anmeldung.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Countersign</source>
        <translation>Countersign</translation>
    </message>
    <message>
        <source>Loading your saved session</source>
        <translation>Ihre gespeicherte Sitzung wird geladen</translation>
    </message>
</context>
<context>
    <name>OpenAiBackend</name>
    <message>
        <source>The server said: %1</source>
        <translation>Der Server sagte: %1</translation>
    </message>
    <message>
        <source>The model server refused the API key (HTTP 401). Check OPENAI_API_KEY.</source>
        <translation>Der Modellserver hat den API-Schlüssel abgelehnt (HTTP 401). Prüfen Sie OPENAI_API_KEY.</translation>
    </message>
    <message>
        <source>The model server is limiting requests, or the account&apos;s quota is used up (HTTP 429).</source>
        <translation>Der Modellserver begrenzt die Anfragen, oder das Kontingent des Kontos ist aufgebraucht (HTTP 429).</translation>
    </message>
    <message>
        <source>The model server failed to answer (HTTP %1).</source>
        <translation>Der Modellserver konnte nicht antworten (HTTP %1).</translation>
    </message>
    <message>
        <source>The model server refused the request (HTTP %1).</source>
        <translation>Der Modellserver hat die Anfrage abgelehnt (HTTP %1).</translation>
    </message>
    <message>
        <source>The model server sent tool calls in an unknown shape.</source>
        <translation>Der Modellserver hat Werkzeugaufrufe in unbekannter Form gesendet.</translation>
    </message>
    <message>
        <source>The model server sent a tool call with an impossible index.</source>
        <translation>Der Modellserver hat einen Werkzeugaufruf mit unmöglichem Index gesendet.</translation>
    </message>
    <message>
        <source>The model asked for a tool without naming it.</source>
        <translation>Das Modell hat ein Werkzeug angefordert, ohne es zu nennen.</translation>
    </message>
    <message>
        <source>The model asked for the tool &quot;%1&quot; with arguments that are not valid JSON, so nothing was run. Try again, or rephrase the request.</source>
        <translation>Das Modell hat das Werkzeug „%1“ mit Argumenten angefordert, die kein gültiges JSON sind; daher wurde nichts ausgeführt. Versuchen Sie es erneut, oder formulieren Sie die Anfrage anders.</translation>
    </message>
    <message>
        <source>The model server address &quot;%1&quot; is not a valid http(s) address.</source>
        <translation>Die Modellserver-Adresse „%1“ ist keine gültige http(s)-Adresse.</translation>
    </message>
    <message>
        <source>The model server address %1 must use https. Plain http is allowed only to this machine&apos;s loopback address (such as http://127.0.0.1:8080/v1), so that the API key and the conversation never cross a network unencrypted.</source>
        <translation>Die Modellserver-Adresse %1 muss https verwenden. Unverschlüsseltes http ist nur zur Loopback-Adresse dieses Rechners erlaubt (etwa http://127.0.0.1:8080/v1), damit der API-Schlüssel und die Unterhaltung nie unverschlüsselt über ein Netzwerk gehen.</translation>
    </message>
    <message>
        <source>No model is set: set OPENAI_MODEL, or choose a model in the settings.</source>
        <translation>Kein Modell festgelegt: Setzen Sie OPENAI_MODEL, oder wählen Sie ein Modell in den Einstellungen.</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 bei %2</translation>
    </message>
    <message>
        <source>The model server sent an answer too large to be genuine.</source>
        <translation>Der Modellserver hat eine Antwort gesendet, die zu groß ist, um echt zu sein.</translation>
    </message>
    <message>
        <source>The model server sent a stream event too large to be genuine.</source>
        <translation>Der Modellserver hat ein Stream-Ereignis gesendet, das zu groß ist, um echt zu sein.</translation>
    </message>
    <message>
        <source>The model server sent a malformed stream: an event that is not a JSON object.</source>
        <translation>Der Modellserver hat einen fehlerhaften Stream gesendet: ein Ereignis, das kein JSON-Objekt ist.</translation>
    </message>
    <message>
        <source>The model server reported an error: %1</source>
        <translation>Der Modellserver hat einen Fehler gemeldet: %1</translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>(keine Beschreibung)</translation>
    </message>
    <message>
        <source>The model server sent a malformed stream: &quot;choices&quot; is not a list.</source>
        <translation>Der Modellserver hat einen fehlerhaften Stream gesendet: „choices“ ist keine Liste.</translation>
    </message>
    <message>
        <source>The model server ended the stream before the answer was complete.</source>
        <translation>Der Modellserver hat den Stream beendet, bevor die Antwort vollständig war.</translation>
    </message>
    <message>
        <source>answer from the model server</source>
        <translation>Antwort des Modellservers</translation>
    </message>
    <message>
        <source>The model server&apos;s answer has no message.</source>
        <translation>Die Antwort des Modellservers enthält keine Nachricht.</translation>
    </message>
    <message>
        <source>The model&apos;s answer was cut off: it reached its length limit.</source>
        <translation>Die Antwort des Modells wurde abgeschnitten: Sie hat ihre Längengrenze erreicht.</translation>
    </message>
    <message>
        <source>The model server withheld the rest of the answer (content filter).</source>
        <translation>Der Modellserver hat den Rest der Antwort zurückgehalten (Inhaltsfilter).</translation>
    </message>
    <message>
        <source>The model asked for the tool &quot;%1&quot; with arguments nested deeper than %2 levels, so nothing was run.</source>
        <translation>Das Modell hat das Werkzeug „%1“ mit Argumenten angefordert, die tiefer als %2 Ebenen verschachtelt sind; daher wurde nichts ausgeführt.</translation>
    </message>
    <message>
        <source>The model server sent a stream event nested deeper than %1 levels.</source>
        <translation>Der Modellserver hat ein Stream-Ereignis gesendet, das tiefer als %1 Ebenen verschachtelt ist.</translation>
    </message>
    <message>
        <source>The model server</source>
        <translation>Der Modellserver</translation>
    </message>
</context>
<context>
    <name>ProviderCommandLine</name>
    <message>
        <source>Enter your Auth0 domain, for example example.eu.auth0.com.</source>
        <translation>Geben Sie Ihre Auth0-Domain ein, zum Beispiel example.eu.auth0.com.</translation>
    </message>
    <message>
        <source>This is not a domain name. Enter it like example.eu.auth0.com, without a path.</source>
        <translation>Das ist kein Domainname. Geben Sie ihn wie example.eu.auth0.com ein, ohne Pfad.</translation>
    </message>
    <message>
        <source>Which provider: sandbox (the local sandbox), oidc (an OpenID provider, with --issuer) or auth0 (an Auth0 tenant, with --domain). Default: the local sandbox, or the provider last used.</source>
        <translation>Welcher Anbieter: sandbox (die lokale Sandbox), oidc (ein OpenID-Anbieter, mit --issuer) oder auth0 (ein Auth0-Tenant, mit --domain). Standard: die lokale Sandbox oder der zuletzt verwendete Anbieter.</translation>
    </message>
    <message>
        <source>OpenID provider (issuer URL); implies --provider oidc.</source>
        <translation>OpenID-Anbieter (Aussteller-URL); bedeutet --provider oidc.</translation>
    </message>
    <message>
        <source>Auth0 tenant domain, e.g. example.eu.auth0.com; implies --provider auth0.</source>
        <translation>Domain des Auth0-Tenants, z. B. example.eu.auth0.com; bedeutet --provider auth0.</translation>
    </message>
    <message>
        <source>OAuth client ID of this app at the provider.</source>
        <translation>OAuth-Client-ID dieser App beim Anbieter.</translation>
    </message>
    <message>
        <source>Auth0: the API (its identifier) to ask an access token for at sign-in.</source>
        <translation>Auth0: die API (ihr Bezeichner), für die bei der Anmeldung ein Zugriffstoken angefragt wird.</translation>
    </message>
    <message>
        <source>PEM file of CA certificates to trust for the provider (a private or test CA), besides the system&apos;s.</source>
        <translation>PEM-Datei mit CA-Zertifikaten, denen für den Anbieter zusätzlich zu denen des Systems vertraut wird (eine private oder Test-CA).</translation>
    </message>
    <message>
        <source>--%1 needs a provider: --issuer URL, --domain HOST or --provider KIND.</source>
        <translation>--%1 braucht einen Anbieter: --issuer URL, --domain HOST oder --provider ART.</translation>
    </message>
    <message>
        <source>--audience is for Auth0: give --domain HOST too.</source>
        <translation>--audience gilt für Auth0: Geben Sie auch --domain HOST an.</translation>
    </message>
    <message>
        <source>--%1 does not apply to the local sandbox.</source>
        <translation>--%1 gilt nicht für die lokale Sandbox.</translation>
    </message>
    <message>
        <source>--issuer is for --provider oidc; for Auth0 give --domain HOST.</source>
        <translation>--issuer gilt für --provider oidc; für Auth0 geben Sie --domain HOST an.</translation>
    </message>
    <message>
        <source>--provider auth0 needs --domain HOST (your tenant, e.g. example.eu.auth0.com).</source>
        <translation>--provider auth0 braucht --domain HOST (Ihr Tenant, z. B. example.eu.auth0.com).</translation>
    </message>
    <message>
        <source>Auth0 needs this app&apos;s client ID there: --client-id ID.</source>
        <translation>Auth0 braucht die Client-ID dieser App dort: --client-id ID.</translation>
    </message>
    <message>
        <source>--domain is for --provider auth0; an OpenID provider is given by --issuer URL.</source>
        <translation>--domain gilt für --provider auth0; ein OpenID-Anbieter wird mit --issuer URL angegeben.</translation>
    </message>
    <message>
        <source>--audience is for Auth0; other providers are asked with resource indicators.</source>
        <translation>--audience gilt für Auth0; andere Anbieter werden mit Resource Indicators gefragt.</translation>
    </message>
    <message>
        <source>--provider oidc needs --issuer URL.</source>
        <translation>--provider oidc braucht --issuer URL.</translation>
    </message>
    <message>
        <source>The issuer must be an https:// URL (or http:// on this computer): %1</source>
        <translation>Der Aussteller muss eine https://-URL sein (oder http:// auf diesem Computer): %1</translation>
    </message>
    <message>
        <source>--provider is sandbox, oidc or auth0, not &quot;%1&quot;.</source>
        <translation>--provider ist sandbox, oidc oder auth0, nicht „%1“.</translation>
    </message>
</context>
<context>
    <name>ProviderMetadata</name>
    <message>
        <source>The provider&apos;s discovery document has no &quot;%1&quot;.</source>
        <translation>Dem Discovery-Dokument des Anbieters fehlt „%1“.</translation>
    </message>
    <message>
        <source>The provider&apos;s discovery document has a &quot;%1&quot; that is not a string.</source>
        <translation>Im Discovery-Dokument des Anbieters ist „%1“ keine Zeichenkette.</translation>
    </message>
    <message>
        <source>The provider&apos;s &quot;%1&quot; is not a valid absolute URL.</source>
        <translation>„%1“ des Anbieters ist keine gültige absolute URL.</translation>
    </message>
    <message>
        <source>The provider&apos;s &quot;%1&quot; (%2) does not use https.</source>
        <translation>„%1“ des Anbieters (%2) verwendet kein https.</translation>
    </message>
    <message>
        <source>The provider&apos;s &quot;%1&quot; is not a list.</source>
        <translation>„%1“ des Anbieters ist keine Liste.</translation>
    </message>
    <message>
        <source>The provider&apos;s &quot;%1&quot; contains a value that is not a string.</source>
        <translation>„%1“ des Anbieters enthält einen Wert, der keine Zeichenkette ist.</translation>
    </message>
    <message>
        <source>The provider&apos;s discovery document is not a JSON object.</source>
        <translation>Das Discovery-Dokument des Anbieters ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>The provider&apos;s discovery document has no &quot;issuer&quot;.</source>
        <translation>Dem Discovery-Dokument des Anbieters fehlt „issuer“.</translation>
    </message>
    <message>
        <source>The provider calls itself &quot;%1&quot;, not &quot;%2&quot;. Check the issuer URL (including any trailing slash).</source>
        <translation>Der Anbieter nennt sich „%1“, nicht „%2“. Prüfen Sie die Aussteller-URL (auch einen abschließenden Schrägstrich).</translation>
    </message>
    <message>
        <source>The provider does not support the authorization code flow.</source>
        <translation>Der Anbieter unterstützt den Autorisierungscode-Ablauf (Authorization Code Flow) nicht.</translation>
    </message>
    <message>
        <source>The provider does not support PKCE with S256, which Countersign requires.</source>
        <translation>Der Anbieter unterstützt kein PKCE mit S256, das Countersign voraussetzt.</translation>
    </message>
    <message>
        <source>The provider&apos;s &quot;countersign_approvals_resource&quot; is not a string.</source>
        <translation>„countersign_approvals_resource“ des Anbieters ist keine Zeichenkette.</translation>
    </message>
</context>
<context>
    <name>QGuiApplication</name>
    <message>
        <source>QT_LAYOUT_DIRECTION</source>
        <comment>Translate this string to the string &apos;LTR&apos; in left-to-right languages or to &apos;RTL&apos; in right-to-left languages (such as Hebrew and Arabic) to get proper widget layout.</comment>
        <translation>LTR</translation>
    </message>
</context>
<context>
    <name>Rar</name>
    <message>
        <source>list your accounts</source>
        <translation>Ihre Konten auflisten</translation>
    </message>
    <message>
        <source>see your balances</source>
        <translation>Ihre Kontostände einsehen</translation>
    </message>
    <message>
        <source>see your transactions</source>
        <translation>Ihre Umsätze einsehen</translation>
    </message>
    <message>
        <source>Account information</source>
        <translation>Kontoinformationen</translation>
    </message>
    <message>
        <source>Account information: %1</source>
        <translation>Kontoinformationen: %1</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>%1 more level not shown: </source>
        <translation>%1 weitere Ebene nicht angezeigt: </translation>
    </message>
    <message>
        <source>%1 more levels not shown: </source>
        <translation>%1 weitere Ebenen nicht angezeigt: </translation>
    </message>
    <message>
        <source>(empty name)</source>
        <translation>(leerer Name)</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Locations</source>
        <translation>Orte</translation>
    </message>
    <message>
        <source>Data types</source>
        <translation>Datentypen</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <source>Privileges</source>
        <translation>Rechte</translation>
    </message>
    <message>
        <source>Not shown</source>
        <translation>Nicht angezeigt</translation>
    </message>
    <message>
        <source>%1 more field not shown</source>
        <translation>%1 weiteres Feld nicht angezeigt</translation>
    </message>
    <message>
        <source>%1 more fields not shown</source>
        <translation>%1 weitere Felder nicht angezeigt</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>start the payment</source>
        <translation>die Zahlung auslösen</translation>
    </message>
    <message>
        <source>check its status</source>
        <translation>ihren Status abfragen</translation>
    </message>
    <message>
        <source>cancel it</source>
        <translation>sie stornieren</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Creditor</source>
        <translation>Zahlungsempfänger</translation>
    </message>
    <message>
        <source>Creditor account</source>
        <translation>Konto des Zahlungsempfängers</translation>
    </message>
    <message>
        <source>Creditor bank (BIC)</source>
        <translation>Bank des Zahlungsempfängers (BIC)</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Verwendungszweck</translation>
    </message>
    <message>
        <source>Pay %1 to %2</source>
        <translation>%1 an %2 zahlen</translation>
    </message>
    <message>
        <source>Unexpected entry</source>
        <translation>Unerwarteter Eintrag</translation>
    </message>
    <message>
        <source>This entry is not an object, as the standard requires; it is shown as sent.</source>
        <translation>Dieser Eintrag ist kein Objekt, wie es der Standard verlangt; er wird so angezeigt, wie er gesendet wurde.</translation>
    </message>
    <message>
        <source>Details without a type</source>
        <translation>Details ohne Typ</translation>
    </message>
    <message>
        <source>This entry has no type, so it is unclear what it is for; it is shown as sent.</source>
        <translation>Dieser Eintrag hat keinen Typ, daher ist unklar, wofür er gedacht ist; er wird so angezeigt, wie er gesendet wurde.</translation>
    </message>
    <message>
        <source>These details do not have the form expected for this type, so they are shown exactly as sent.</source>
        <translation>Diese Details haben nicht die für diesen Typ erwartete Form und werden daher genau so angezeigt, wie sie gesendet wurden.</translation>
    </message>
    <message>
        <source>%1 (unexpected form)</source>
        <translation>%1 (unerwartete Form)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Unexpected authorization details</source>
        <translation>Unerwartete Autorisierungsdetails</translation>
    </message>
    <message>
        <source>The authorization details are not a list, as the standard requires; they are shown as sent.</source>
        <translation>Die Autorisierungsdetails sind keine Liste, wie es der Standard verlangt; sie werden so angezeigt, wie sie gesendet wurden.</translation>
    </message>
    <message>
        <source>More entries</source>
        <translation>Weitere Einträge</translation>
    </message>
    <message>
        <source>%1 more entry not shown</source>
        <translation>%1 weiterer Eintrag nicht angezeigt</translation>
    </message>
    <message>
        <source>%1 more entries not shown</source>
        <translation>%1 weitere Einträge nicht angezeigt</translation>
    </message>
    <message>
        <source>Only the first %1 entries are shown one by one; the others are shown as sent.</source>
        <translation>Nur die ersten %1 Einträge werden einzeln angezeigt; die übrigen werden so angezeigt, wie sie gesendet wurden.</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>+%1 weitere</translation>
    </message>
    <message>
        <source>Confirm who you are</source>
        <translation>Ihre Identität bestätigen</translation>
    </message>
    <message>
        <source>See your name</source>
        <translation>Ihren Namen sehen</translation>
    </message>
    <message>
        <source>See your email address</source>
        <translation>Ihre E-Mail-Adresse sehen</translation>
    </message>
    <message>
        <source>Stay signed in (refresh tokens)</source>
        <translation>Angemeldet bleiben (Aktualisierungstokens)</translation>
    </message>
    <message>
        <source>Trade stocks on your behalf</source>
        <translation>In Ihrem Namen mit Aktien handeln</translation>
    </message>
    <message>
        <source>Start payments from your account</source>
        <translation>Zahlungen von Ihrem Konto auslösen</translation>
    </message>
    <message>
        <source>Approve or deny requests on your behalf</source>
        <translation>Anfragen in Ihrem Namen genehmigen oder ablehnen</translation>
    </message>
    <message>
        <source>Read your data records</source>
        <translation>Ihre Datensätze lesen</translation>
    </message>
    <message>
        <source>Read your sandbox profile</source>
        <translation>Ihr Sandbox-Profil lesen</translation>
    </message>
    <message>
        <source>Permission “%1”</source>
        <translation>Berechtigung „%1“</translation>
    </message>
    <message>
        <source>Stock trade</source>
        <translation>Aktienorder</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Kauf</translation>
    </message>
    <message>
        <source>Sell</source>
        <translation>Verkauf</translation>
    </message>
    <message>
        <source>Ticker</source>
        <translation>Tickersymbol</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Stückzahl</translation>
    </message>
    <message>
        <source>%1 share</source>
        <translation>%1 Aktie</translation>
    </message>
    <message>
        <source>%1 shares</source>
        <translation>%1 Aktien</translation>
    </message>
    <message>
        <source>Limit price</source>
        <translation>Limitpreis</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Kein Limit</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Buy %1 %2 at most %3</source>
        <translation>%1 %2 zu höchstens %3 kaufen</translation>
    </message>
    <message>
        <source>Sell %1 %2 at least %3</source>
        <translation>%1 %2 zu mindestens %3 verkaufen</translation>
    </message>
    <message>
        <source>Buy %1 %2 at market price</source>
        <translation>%1 %2 zum Marktpreis kaufen</translation>
    </message>
    <message>
        <source>Sell %1 %2 at market price</source>
        <translation>%1 %2 zum Marktpreis verkaufen</translation>
    </message>
</context>
<context>
    <name>RequestPage</name>
    <message>
        <source>Approved. The app can go ahead now.</source>
        <translation>Genehmigt. Die App kann jetzt fortfahren.</translation>
    </message>
    <message>
        <source>Denied. The app has been told no.</source>
        <translation>Abgelehnt. Die App wurde über die Ablehnung informiert.</translation>
    </message>
    <message>
        <source>‹ All requests</source>
        <translation>‹ Alle Anfragen</translation>
    </message>
    <message>
        <source>Back to all requests</source>
        <translation>Zurück zu allen Anfragen</translation>
    </message>
    <message>
        <source>This request is no longer in your inbox.</source>
        <translation>Diese Anfrage ist nicht mehr in Ihrem Posteingang.</translation>
    </message>
    <message>
        <source>Reason (optional)</source>
        <translation>Begründung (optional)</translation>
    </message>
    <message>
        <source>Reason, optional</source>
        <translation>Begründung, optional</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Strg+D</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Strg+Eingabe</translation>
    </message>
</context>
<context>
    <name>RequesterCard</name>
    <message>
        <source>Approved %1</source>
        <translation>Genehmigt am %1</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Genehmigt</translation>
    </message>
    <message>
        <source>Denied %1</source>
        <translation>Abgelehnt am %1</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Expired %1</source>
        <translation>Abgelaufen am %1</translation>
    </message>
    <message>
        <source>%1, until %2</source>
        <translation>%1, bis %2</translation>
    </message>
    <message>
        <source>Request from %1</source>
        <translation>Anfrage von %1</translation>
    </message>
    <message>
        <source>Client ID: %1</source>
        <translation>Client-ID: %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Begründung: %1</translation>
    </message>
    <message>
        <source>Check that this message matches what the app shows you:</source>
        <translation>Prüfen Sie, ob diese Nachricht mit der Anzeige in der App übereinstimmt:</translation>
    </message>
    <message>
        <source>Binding message: %1</source>
        <translation>Bindungsnachricht: %1</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>Code: %1</translation>
    </message>
    <message>
        <source>For: %1</source>
        <translation>Für: %1</translation>
    </message>
</context>
<context>
    <name>ResultTree</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>SandboxLauncher</name>
    <message>
        <source>The local sandbox did not start within 30 seconds.</source>
        <translation>Die lokale Sandbox ist nicht innerhalb von 30 Sekunden gestartet.</translation>
    </message>
    <message>
        <source>The local sandbox printed something unexpected.</source>
        <translation>Die lokale Sandbox hat eine unerwartete Ausgabe gemacht.</translation>
    </message>
    <message>
        <source>Could not start Node.js (&quot;node&quot;), which runs the local sandbox. Install Node.js 20 or newer, or configure another provider.</source>
        <translation>Node.js („node“), das die lokale Sandbox ausführt, konnte nicht gestartet werden. Installieren Sie Node.js 20 oder neuer, oder richten Sie einen anderen Anbieter ein.</translation>
    </message>
    <message>
        <source>The local sandbox stopped (exit code %1): %2</source>
        <translation>Die lokale Sandbox wurde beendet (Exit-Code %1): %2</translation>
    </message>
    <message>
        <source>The local sandbox is not installed (no server.mjs in %1).</source>
        <translation>Die lokale Sandbox ist nicht installiert (keine server.mjs in %1).</translation>
    </message>
    <message>
        <source>The local sandbox&apos;s packages are not installed: run &quot;npm ci&quot; in %1.</source>
        <translation>Die Pakete der lokalen Sandbox sind nicht installiert: Führen Sie „npm ci“ in %1 aus.</translation>
    </message>
</context>
<context>
    <name>ScopeList</name>
    <message>
        <source>The app will be allowed to</source>
        <translation>Die App darf dann</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>(The keychain said: %1)</source>
        <translation>(Meldung des Schlüsselbunds: %1)</translation>
    </message>
    <message>
        <source>No secure storage (secret service) is available. Countersign stores sign-in tokens only in the system keychain; start a keyring such as GNOME Keyring or KWallet and try again.</source>
        <translation>Es ist kein sicherer Speicher (Secret Service) verfügbar. Countersign speichert Anmelde-Tokens ausschließlich im Schlüsselbund des Systems. Starten Sie einen Schlüsselbund wie GNOME Keyring oder KWallet und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The system keychain refused access, probably because it is locked. Unlock your keyring (for example with Seahorse or KWallet Manager, or by logging in again) and try again.</source>
        <translation>Der Schlüsselbund des Systems hat den Zugriff verweigert, vermutlich weil er gesperrt ist. Entsperren Sie Ihren Schlüsselbund (zum Beispiel mit Seahorse oder der KWallet-Verwaltung oder durch erneutes Anmelden am System) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Access to the system keychain was declined. Countersign keeps sign-in tokens only there; try again and allow access when your keyring asks.</source>
        <translation>Der Zugriff auf den Schlüsselbund des Systems wurde abgelehnt. Countersign bewahrt Anmelde-Tokens nur dort auf. Versuchen Sie es erneut und erlauben Sie den Zugriff, wenn Ihr Schlüsselbund danach fragt.</translation>
    </message>
    <message>
        <source>Countersign could not delete a saved secret from the system keychain. Try again, or remove the entries labelled &quot;Countersign&quot; with your keyring manager (for example Seahorse or KWallet Manager).</source>
        <translation>Countersign konnte ein gespeichertes Geheimnis nicht aus dem Schlüsselbund des Systems löschen. Versuchen Sie es erneut, oder entfernen Sie die Einträge mit der Bezeichnung „Countersign“ mit Ihrer Schlüsselbundverwaltung (zum Beispiel Seahorse oder der KWallet-Verwaltung).</translation>
    </message>
    <message>
        <source>The system keychain could not find an entry Countersign was working with. Try again; if this keeps happening, sign out and sign in again.</source>
        <translation>Der Schlüsselbund des Systems hat einen Eintrag nicht gefunden, mit dem Countersign gerade arbeitete. Versuchen Sie es erneut. Wenn das weiterhin passiert, melden Sie sich ab und wieder an.</translation>
    </message>
    <message>
        <source>The system keychain on this computer does not support what Countersign needs, so sign-in tokens cannot be stored securely. Use a keyring such as GNOME Keyring or KWallet.</source>
        <translation>Der Schlüsselbund des Systems auf diesem Computer unterstützt nicht, was Countersign benötigt. Anmelde-Tokens können daher nicht sicher gespeichert werden. Verwenden Sie einen Schlüsselbund wie GNOME Keyring oder KWallet.</translation>
    </message>
    <message>
        <source>The system keychain could not be used. Countersign stores sign-in tokens only in the system keychain; make sure a keyring such as GNOME Keyring or KWallet is running and unlocked, then try again.</source>
        <translation>Der Schlüsselbund des Systems konnte nicht verwendet werden. Countersign speichert Anmelde-Tokens ausschließlich im Schlüsselbund des Systems. Stellen Sie sicher, dass ein Schlüsselbund wie GNOME Keyring oder KWallet läuft und entsperrt ist, und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>SessionManager</name>
    <message>
        <source>Another Countersign process is renewing the session and has not finished. Try again.</source>
        <translation>Ein anderer Countersign-Prozess verlängert gerade die Sitzung und ist noch nicht fertig. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Your session was ended in another Countersign window or on the command line (signed out, or refused by the provider). Sign in again.</source>
        <translation>Ihre Sitzung wurde in einem anderen Countersign-Fenster oder auf der Kommandozeile beendet (abgemeldet oder vom Anbieter abgelehnt). Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation>Sie sind nicht angemeldet.</translation>
    </message>
    <message>
        <source>The session cannot be renewed (the provider gave no refresh token). Sign in again.</source>
        <translation>Die Sitzung kann nicht verlängert werden (der Anbieter hat kein Aktualisierungstoken ausgegeben). Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Your session has ended (the provider no longer accepts it). Sign in again.</source>
        <translation>Ihre Sitzung ist beendet (der Anbieter akzeptiert sie nicht mehr). Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>This session does not include access to %1. Sign out and sign in again to grant it.</source>
        <translation>Diese Sitzung umfasst keinen Zugriff auf %1. Melden Sie sich ab und erneut an, um ihn zu gewähren.</translation>
    </message>
    <message>
        <source>Your session was renewed, but the keychain did not take the new tokens: %1 Countersign keeps working until you quit it and tries again on the next renewal; if the keychain stays unavailable, you will have to sign in again.</source>
        <translation>Ihre Sitzung wurde verlängert, aber der Schlüsselbund hat die neuen Tokens nicht angenommen: %1 Countersign arbeitet weiter, bis Sie es beenden, und versucht es bei der nächsten Verlängerung erneut; bleibt der Schlüsselbund nicht verfügbar, müssen Sie sich erneut anmelden.</translation>
    </message>
    <message>
        <source>The saved session could not be read. Sign in again.</source>
        <translation>Die gespeicherte Sitzung konnte nicht gelesen werden. Melden Sie sich erneut an.</translation>
    </message>
</context>
<context>
    <name>SignInIdentity</name>
    <message>
        <source>The provider&apos;s user information is about a different user than the sign-in.</source>
        <translation>Die Benutzerinformationen des Anbieters betreffen einen anderen Benutzer als die Anmeldung.</translation>
    </message>
    <message>
        <source>The provider returned no ID token.</source>
        <translation>Der Anbieter hat kein ID-Token zurückgegeben.</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Address copied</source>
        <translation>Adresse kopiert</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Countersign opens your web browser so you can sign in with your provider. Your password is never entered here.</source>
        <translation>Countersign öffnet Ihren Webbrowser, damit Sie sich bei Ihrem Anbieter anmelden können. Ihr Passwort geben Sie niemals hier ein.</translation>
    </message>
    <message>
        <source>Where is your account?</source>
        <translation>Wo befindet sich Ihr Konto?</translation>
    </message>
    <message>
        <source>Local sandbox</source>
        <translation>Lokale Sandbox</translation>
    </message>
    <message>
        <source>Auth0</source>
        <translation>Auth0</translation>
    </message>
    <message>
        <source>Other OpenID provider</source>
        <translation>Anderer OpenID-Anbieter</translation>
    </message>
    <message>
        <source>Auth0 domain</source>
        <translation>Auth0-Domain</translation>
    </message>
    <message>
        <source>example.eu.auth0.com</source>
        <translation>beispiel.eu.auth0.com</translation>
    </message>
    <message>
        <source>Issuer URL</source>
        <translation>Aussteller-URL</translation>
    </message>
    <message>
        <source>https://login.example.com</source>
        <translation>https://login.example.com</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>As registered at your provider</source>
        <translation>Wie bei Ihrem Anbieter registriert</translation>
    </message>
    <message>
        <source>Opens your web browser to sign in</source>
        <translation>Öffnet Ihren Webbrowser zur Anmeldung</translation>
    </message>
    <message>
        <source>Contacting the provider…</source>
        <translation>Verbindung zum Anbieter wird hergestellt …</translation>
    </message>
    <message>
        <source>Waiting for you to finish signing in in your browser…</source>
        <translation>Warten, bis Sie die Anmeldung in Ihrem Browser abgeschlossen haben …</translation>
    </message>
    <message>
        <source>If your browser did not open, copy this address into it:</source>
        <translation>Falls sich Ihr Browser nicht geöffnet hat, kopieren Sie diese Adresse hinein:</translation>
    </message>
    <message>
        <source>Sign-in address</source>
        <translation>Anmeldeadresse</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy sign-in address</source>
        <translation>Anmeldeadresse kopieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Anmeldung abbrechen</translation>
    </message>
    <message>
        <source>A demo server on this computer, for trying things out.</source>
        <translation>Ein Demo-Server auf diesem Computer zum Ausprobieren.</translation>
    </message>
    <message>
        <source>Sign in with a code</source>
        <translation>Mit einem Code anmelden</translation>
    </message>
    <message>
        <source>Shows a code to enter on another device with a browser</source>
        <translation>Zeigt einen Code an, den Sie auf einem anderen Gerät mit Browser eingeben</translation>
    </message>
    <message>
        <source>On any device with a browser, open the address below, sign in and enter this code:</source>
        <translation>Öffnen Sie auf einem beliebigen Gerät mit Browser die folgende Adresse, melden Sie sich an und geben Sie diesen Code ein:</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>Code: %1</translation>
    </message>
    <message>
        <source>Address to open</source>
        <translation>Zu öffnende Adresse</translation>
    </message>
    <message>
        <source>API audience (optional)</source>
        <translation>API-Audience (optional)</translation>
    </message>
    <message>
        <source>https://api.example.com</source>
        <translation>https://api.example.com</translation>
    </message>
    <message>
        <source>CA certificate file (optional)</source>
        <translation>CA-Zertifikatsdatei (optional)</translation>
    </message>
    <message>
        <source>Only for a private or test certificate: /path/to/ca.pem</source>
        <translation>Nur für ein privates oder Test-Zertifikat: /pfad/zu/ca.pem</translation>
    </message>
</context>
<context>
    <name>SignedInPage</name>
    <message>
        <source>Signed in as</source>
        <translation>Angemeldet als</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Email: %1</source>
        <translation>E-Mail: %1</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Provider: %1</source>
        <translation>Anbieter: %1</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>Abmeldung läuft …</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Ends the session at the provider and deletes it from this computer</source>
        <translation>Beendet die Sitzung beim Anbieter und löscht sie von diesem Computer</translation>
    </message>
</context>
<context>
    <name>SignedInView</name>
    <message>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <source>Inbox, %1 waiting</source>
        <translation>Posteingang, %1 offen</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Enter code</source>
        <translation>Code eingeben</translation>
    </message>
    <message>
        <source>Enter a device code</source>
        <translation>Einen Gerätecode eingeben</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Agent, waiting for you</source>
        <translation>Agent, wartet auf Sie</translation>
    </message>
    <message>
        <source>Chat with the agent</source>
        <translation>Mit dem Agenten chatten</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>Countersign could not check whether it is already running (%1): %2</source>
        <translation>Countersign konnte nicht prüfen, ob es bereits läuft (%1): %2</translation>
    </message>
    <message>
        <source>another launch holds its lock file</source>
        <translation>ein anderer Start hält seine Sperrdatei</translation>
    </message>
    <message>
        <source>Countersign is already running but does not answer. If it hangs, end it and start Countersign again.</source>
        <translation>Countersign läuft bereits, antwortet aber nicht. Falls es hängt, beenden Sie es und starten Sie Countersign erneut.</translation>
    </message>
</context>
<context>
    <name>TokenClient</name>
    <message>
        <source>The provider has no userinfo endpoint.</source>
        <translation>Der Anbieter hat keinen Userinfo-Endpunkt.</translation>
    </message>
</context>
<context>
    <name>TokenPoll</name>
    <message>
        <source>The request expired before anyone decided.</source>
        <translation>Die Anfrage ist abgelaufen, bevor jemand entschieden hat.</translation>
    </message>
    <message>
        <source>The provider&apos;s answer has no valid &quot;expires_in&quot;.</source>
        <translation>Die Antwort des Anbieters enthält kein gültiges „expires_in“.</translation>
    </message>
    <message>
        <source>The provider&apos;s answer has an invalid &quot;interval&quot;.</source>
        <translation>Die Antwort des Anbieters enthält ein ungültiges „interval“.</translation>
    </message>
</context>
<context>
    <name>TokenSet</name>
    <message>
        <source>The token response has no &quot;%1&quot;.</source>
        <translation>Der Token-Antwort fehlt „%1“.</translation>
    </message>
    <message>
        <source>The token response has a malformed &quot;%1&quot;.</source>
        <translation>Die Token-Antwort enthält ein fehlerhaftes „%1“.</translation>
    </message>
    <message>
        <source>The token response has no &quot;token_type&quot;.</source>
        <translation>Der Token-Antwort fehlt „token_type“.</translation>
    </message>
    <message>
        <source>The token response has an unsupported token_type &quot;%1&quot;.</source>
        <translation>Die Token-Antwort hat einen nicht unterstützten token_type „%1“.</translation>
    </message>
    <message>
        <source>The token response has an invalid &quot;expires_in&quot;.</source>
        <translation>Die Token-Antwort hat ein ungültiges „expires_in“.</translation>
    </message>
    <message>
        <source>The token response has a &quot;scope&quot; that is not a string.</source>
        <translation>In der Token-Antwort ist „scope“ keine Zeichenkette.</translation>
    </message>
    <message>
        <source>The token response has &quot;authorization_details&quot; that are not a list.</source>
        <translation>In der Token-Antwort ist „authorization_details“ keine Liste.</translation>
    </message>
</context>
<context>
    <name>TokenStore</name>
    <message>
        <source>Cannot store secrets for an account without an issuer and a subject.</source>
        <translation>Für ein Konto ohne Aussteller und Subjekt können keine Geheimnisse gespeichert werden.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid name for a stored secret.</source>
        <translation>„%1“ ist kein gültiger Name für ein gespeichertes Geheimnis.</translation>
    </message>
    <message>
        <source>Countersign&apos;s list of saved sign-ins in the system keychain is damaged. Sign out of all accounts to reset it, then sign in again.</source>
        <translation>Die Liste der gespeicherten Anmeldungen von Countersign im Schlüsselbund des Systems ist beschädigt. Melden Sie sich von allen Konten ab, um sie zurückzusetzen, und melden Sie sich dann erneut an.</translation>
    </message>
    <message>
        <source>Countersign&apos;s list of saved sign-ins in the system keychain was damaged, so some saved secrets may remain. Remove the entries labelled &quot;Countersign&quot; with your keyring manager (for example Seahorse or KWallet Manager).</source>
        <translation>Die Liste der gespeicherten Anmeldungen von Countersign im Schlüsselbund des Systems war beschädigt, daher sind möglicherweise noch gespeicherte Geheimnisse vorhanden. Entfernen Sie die Einträge mit der Bezeichnung „Countersign“ mit Ihrer Schlüsselbundverwaltung (zum Beispiel Seahorse oder der KWallet-Verwaltung).</translation>
    </message>
</context>
<context>
    <name>ToolCallCard</name>
    <message>
        <source>Waiting for you</source>
        <translation>Wartet auf Sie</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Did not go ahead</source>
        <translation>Nicht ausgeführt</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft …</translation>
    </message>
    <message>
        <source>Calling %1</source>
        <translation>Ruft %1 auf</translation>
    </message>
</context>
<context>
    <name>ToolResultCard</name>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 finished</source>
        <translation>%1 abgeschlossen</translation>
    </message>
    <message>
        <source>✕ %1 failed</source>
        <translation>✕ %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>✓ %1 finished</source>
        <translation>✓ %1 abgeschlossen</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>belegt</translation>
    </message>
    <message>
        <source>free</source>
        <translation>frei</translation>
    </message>
    <message>
        <source>Nothing booked.</source>
        <translation>Nichts gebucht.</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
</context>
<context>
    <name>ToolResultView</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sold %1</source>
        <translation>%1 verkauft</translation>
    </message>
    <message>
        <source>Bought %1</source>
        <translation>%1 gekauft</translation>
    </message>
    <message>
        <source>Order for %1</source>
        <translation>Auftrag über %1</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Paid %1 to %2</source>
        <translation>%1 an %2 gezahlt</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Zahlung</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
</context>
<context>
    <name>TrustedCertificates</name>
    <message>
        <source>The CA certificate file %1 could not be read: %2</source>
        <translation>Die CA-Zertifikatsdatei %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The file %1 holds no PEM certificate (-----BEGIN CERTIFICATE-----).</source>
        <translation>Die Datei %1 enthält kein PEM-Zertifikat (-----BEGIN CERTIFICATE-----).</translation>
    </message>
</context>
<context>
    <name>UserCode</name>
    <message>
        <source>That is not a device code. A code has letters and perhaps digits, like WDJB-MJHT.</source>
        <translation>Das ist kein Gerätecode. Ein Code besteht aus Buchstaben und eventuell Ziffern, etwa WDJB-MJHT.</translation>
    </message>
    <message>
        <source>That link is not a valid web address.</source>
        <translation>Dieser Link ist keine gültige Webadresse.</translation>
    </message>
    <message>
        <source>That link has no code in it. Type the code the device shows instead.</source>
        <translation>Dieser Link enthält keinen Code. Geben Sie stattdessen den Code ein, den das Gerät anzeigt.</translation>
    </message>
</context>
<context>
    <name>countersign::agent::AgentService</name>
    <message>
        <source>Sign in to chat with the agent.</source>
        <translation>Melden Sie sich an, um mit dem Agenten zu chatten.</translation>
    </message>
    <message>
        <source>The agent is not available: %1</source>
        <translation>Der Agent ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>trade stock: this provider has no demo stock API for the agent</source>
        <translation>Aktien handeln: Dieser Anbieter hat keine Demo-Aktien-API für den Agenten</translation>
    </message>
    <message>
        <source>let the agent read your data records</source>
        <translation>den Agenten Ihre Datensätze lesen zu lassen</translation>
    </message>
    <message>
        <source>read your data records (you approve once with a device code)</source>
        <translation>Ihre Datensätze lesen (Sie genehmigen einmal mit einem Gerätecode)</translation>
    </message>
    <message>
        <source>read your data records: this provider has no demo data API for the agent</source>
        <translation>Ihre Datensätze lesen: Dieser Anbieter hat keine Demo-Daten-API für den Agenten</translation>
    </message>
    <message>
        <source>check your Google calendar (through your connected account)</source>
        <translation>Ihren Google-Kalender prüfen (über Ihr verbundenes Konto)</translation>
    </message>
    <message>
        <source>search and read the shared documents you may view</source>
        <translation>die freigegebenen Dokumente durchsuchen und lesen, die Sie sehen dürfen</translation>
    </message>
    <message>
        <source>search documents: %1</source>
        <translation>Dokumente durchsuchen: %1</translation>
    </message>
    <message>
        <source>use the demo tools: they exist only at the sandbox</source>
        <translation>die Demo-Werkzeuge verwenden: Es gibt sie nur in der Sandbox</translation>
    </message>
    <message>
        <source>in Auth0 Guardian</source>
        <translation>in Auth0 Guardian</translation>
    </message>
    <message>
        <source>in your inbox</source>
        <translation>in Ihrem Posteingang</translation>
    </message>
    <message>
        <source>buy and sell stock (you approve each trade %1)</source>
        <translation>Aktien kaufen und verkaufen (Sie genehmigen jeden Handel %1)</translation>
    </message>
    <message>
        <source>make payments (you approve each payment %1)</source>
        <translation>Zahlungen ausführen (Sie genehmigen jede Zahlung %1)</translation>
    </message>
</context>
<context>
    <name>countersign::cli::AgentCommands</name>
    <message>
        <source>Agent: %1</source>
        <translation>Agent: %1</translation>
    </message>
    <message>
        <source>The agent still waits on an earlier request; the prompt was not sent. Decide it, or run without --no-wait.</source>
        <translation>Der Agent wartet noch auf eine frühere Anfrage; der Prompt wurde nicht gesendet. Entscheiden Sie sie, oder starten Sie ohne --no-wait.</translation>
    </message>
    <message>
        <source>-&gt; %1 %2</source>
        <translation>-&gt; %1 %2</translation>
    </message>
    <message>
        <source>&lt;- %1%2: %3</source>
        <translation>&lt;- %1%2: %3</translation>
    </message>
    <message>
        <source> failed</source>
        <translation> fehlgeschlagen</translation>
    </message>
    <message>
        <source>Waiting (%1): %2</source>
        <translation>Wartet (%1): %2</translation>
    </message>
    <message>
        <source>  Decide it here with: countersign-cli approve %1  (or deny)</source>
        <translation>  Hier entscheiden mit: countersign-cli approve %1  (oder deny)</translation>
    </message>
    <message>
        <source>  Connect it at: %1</source>
        <translation>  Verbinden unter: %1</translation>
    </message>
</context>
<context>
    <name>countersign::cli::ApprovalCommands</name>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>%1 s left</source>
        <translation>noch %1 s</translation>
    </message>
    <message>
        <source>%1 min left</source>
        <translation>noch %1 min</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>genehmigt</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation>Nachricht: %1</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>Scopes: %1</source>
        <translation>Scopes: %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Begründung: %1</translation>
    </message>
    <message>
        <source>No approval requests. Requests that apps send on your behalf will show up here.</source>
        <translation>Keine Freigabeanfragen. Anfragen, die Apps in Ihrem Namen senden, erscheinen hier.</translation>
    </message>
    <message>
        <source>Requests that could not be read and are not shown: %1</source>
        <translation>Anfragen, die nicht gelesen werden konnten und nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>Watching for approval requests (Ctrl+C to stop)…</source>
        <translation>Warten auf Freigabeanfragen (Strg+C zum Beenden) …</translation>
    </message>
    <message>
        <source>Connection lost (%1); reconnecting…</source>
        <translation>Verbindung unterbrochen (%1); Verbindung wird wiederhergestellt …</translation>
    </message>
    <message>
        <source>Approved: %1</source>
        <translation>Genehmigt: %1</translation>
    </message>
    <message>
        <source>Denied: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>countersign::cli::CliRunner</name>
    <message>
        <source>login: print the sign-in URL instead of opening a browser.</source>
        <translation>login: Die Anmelde-URL ausgeben, statt einen Browser zu öffnen.</translation>
    </message>
    <message>
        <source>Not signed in. Run &quot;countersign-cli login&quot;.</source>
        <translation>Nicht angemeldet. Führen Sie „countersign-cli login“ aus.</translation>
    </message>
    <message>
        <source>inbox: print each event as a JSON line until interrupted.</source>
        <translation>inbox: Jedes Ereignis als JSON-Zeile ausgeben, bis abgebrochen wird.</translation>
    </message>
    <message>
        <source>approve, deny: the reason given.</source>
        <translation>approve, deny: Die angegebene Begründung.</translation>
    </message>
    <message>
        <source>Give the request&apos;s ID: countersign-cli %1 ID</source>
        <translation>Geben Sie die ID der Anfrage an: countersign-cli %1 ID</translation>
    </message>
    <message>
        <source>login: sign in with a code instead of this computer&apos;s browser.</source>
        <translation>login: Mit einem Code statt mit dem Browser dieses Computers anmelden.</translation>
    </message>
    <message>
        <source>device: approve the code.</source>
        <translation>device: Den Code genehmigen.</translation>
    </message>
    <message>
        <source>device: deny the code.</source>
        <translation>device: Den Code ablehnen.</translation>
    </message>
    <message>
        <source>Give either --approve or --deny, not both.</source>
        <translation>Geben Sie entweder --approve oder --deny an, nicht beides.</translation>
    </message>
    <message>
        <source>--device never opens a browser here; leave out --no-browser.</source>
        <translation>--device öffnet hier nie einen Browser; lassen Sie --no-browser weg.</translation>
    </message>
    <message>
        <source>Give the code the device shows: countersign-cli device CODE</source>
        <translation>Geben Sie den Code an, den das Gerät anzeigt: countersign-cli device CODE</translation>
    </message>
    <message>
        <source>whoami, inbox, device: print JSON; agent: one JSON event per line.</source>
        <translation>whoami, inbox, device: JSON ausgeben; agent: ein JSON-Ereignis pro Zeile.</translation>
    </message>
    <message>
        <source>agent: exit as soon as a request waits for approval, naming it.</source>
        <translation>agent: beenden, sobald eine Anfrage auf Genehmigung wartet, und sie nennen.</translation>
    </message>
    <message>
        <source>Give one prompt, quoted: countersign-cli agent &quot;Buy 3 shares of ACME&quot;</source>
        <translation>Geben Sie einen Prompt in Anführungszeichen an: countersign-cli agent &quot;Buy 3 shares of ACME&quot;</translation>
    </message>
    <message>
        <source>The prompt is empty.</source>
        <translation>Der Prompt ist leer.</translation>
    </message>
    <message>
        <source>Sign in through the browser.</source>
        <translation>Über den Browser anmelden.</translation>
    </message>
    <message>
        <source>Sign in with a code, approved in a browser on any device.</source>
        <translation>Mit einem Code anmelden, der in einem Browser auf einem beliebigen Gerät bestätigt wird.</translation>
    </message>
    <message>
        <source>Show who is signed in.</source>
        <translation>Anzeigen, wer angemeldet ist.</translation>
    </message>
    <message>
        <source>Sign out and delete the stored tokens.</source>
        <translation>Abmelden und die gespeicherten Tokens löschen.</translation>
    </message>
    <message>
        <source>List approval requests; --watch prints events as JSON lines.</source>
        <translation>Freigabeanfragen auflisten; --watch gibt Ereignisse als JSON-Zeilen aus.</translation>
    </message>
    <message>
        <source>Approve a request.</source>
        <translation>Eine Anfrage genehmigen.</translation>
    </message>
    <message>
        <source>Deny a request.</source>
        <translation>Eine Anfrage ablehnen.</translation>
    </message>
    <message>
        <source>Show which app asks for what with a device code (or its link).</source>
        <translation>Anzeigen, welche App mit einem Gerätecode (oder dessen Link) was anfragt.</translation>
    </message>
    <message>
        <source>Approve or deny a device code.</source>
        <translation>Einen Gerätecode genehmigen oder ablehnen.</translation>
    </message>
    <message>
        <source>One turn with the agent; waits until its requests are decided.</source>
        <translation>Eine Runde mit dem Agenten; wartet, bis seine Anfragen entschieden sind.</translation>
    </message>
    <message>
        <source>Countersign: approve what AI agents do on your behalf.</source>
        <translation>Countersign: Genehmigen Sie, was KI-Agenten in Ihrem Namen tun.</translation>
    </message>
</context>
<context>
    <name>countersign::cli::DeviceCommands</name>
    <message>
        <source>waiting, %1 s left</source>
        <translation>wartet, noch %1 s</translation>
    </message>
    <message>
        <source>waiting, %1 min left</source>
        <translation>wartet, noch %1 min</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>genehmigt</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>Asks to: %1</source>
        <translation>Möchte: %1</translation>
    </message>
    <message>
        <source>For: %1</source>
        <translation>Für: %1</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>Your provider has no device approval API, so codes are entered on its web page. Open the link the device shows (or pass it instead of the code) to continue in your browser.</source>
        <translation>Ihr Anbieter hat keine Schnittstelle zum Bestätigen von Gerätecodes; Codes werden auf seiner Webseite eingegeben. Öffnen Sie den Link, den das Gerät anzeigt (oder übergeben Sie ihn statt des Codes), um im Browser fortzufahren.</translation>
    </message>
    <message>
        <source>Your provider has no device approval API, and no browser could be opened. Open this address yourself: %1</source>
        <translation>Ihr Anbieter hat keine Schnittstelle zum Bestätigen von Gerätecodes, und es konnte kein Browser geöffnet werden. Öffnen Sie diese Adresse selbst: %1</translation>
    </message>
    <message>
        <source>Your provider has no device approval API: the code&apos;s page is open in your browser. Decide there.</source>
        <translation>Ihr Anbieter hat keine Schnittstelle zum Bestätigen von Gerätecodes: Die Seite des Codes ist in Ihrem Browser geöffnet. Entscheiden Sie dort.</translation>
    </message>
    <message>
        <source>Approved %1 for %2.</source>
        <translation>%1 für %2 genehmigt.</translation>
    </message>
    <message>
        <source>Denied %1 for %2.</source>
        <translation>%1 für %2 abgelehnt.</translation>
    </message>
</context>
<context>
    <name>countersign::cli::SessionCommands</name>
    <message>
        <source>Continue in your browser to sign in…</source>
        <translation>Fahren Sie in Ihrem Browser mit der Anmeldung fort …</translation>
    </message>
    <message>
        <source>Signed in as %1 at %2.</source>
        <translation>Angemeldet als %1 bei %2.</translation>
    </message>
    <message>
        <source>Open the address on any device, sign in there and enter the code. Waiting (the code expires in %1 min)…</source>
        <translation>Öffnen Sie die Adresse auf einem beliebigen Gerät, melden Sie sich dort an und geben Sie den Code ein. Warte (der Code läuft in %1 min ab)…</translation>
    </message>
    <message>
        <source>A session signed in with a code cannot approve requests. To approve, sign in with &quot;countersign-cli login&quot; in a browser.</source>
        <translation>Eine mit einem Code angemeldete Sitzung kann keine Anfragen genehmigen. Um zu genehmigen, melden Sie sich mit „countersign-cli login“ in einem Browser an.</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Subjekt: %1</translation>
    </message>
    <message>
        <source>Issuer: %1</source>
        <translation>Aussteller: %1</translation>
    </message>
    <message>
        <source>Not signed in; nothing to do.</source>
        <translation>Nicht angemeldet; nichts zu tun.</translation>
    </message>
    <message>
        <source>Signed out. The stored tokens are deleted.</source>
        <translation>Abgemeldet. Die gespeicherten Tokens wurden gelöscht.</translation>
    </message>
</context>
<context>
    <name>countersign::gui::AgentSettingsViewModel</name>
    <message>
        <source>Set by the environment, which wins over what you save here: %1.</source>
        <translation>Von der Umgebung festgelegt, die Vorrang vor dem hat, was Sie hier speichern: %1.</translation>
    </message>
    <message>
        <source>The API key could not be read from the keychain: %1</source>
        <translation>Der API-Schlüssel konnte nicht aus dem Schlüsselbund gelesen werden: %1</translation>
    </message>
    <message>
        <source>The agent uses the demo: %1</source>
        <translation>Der Agent verwendet die Demo: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>The API key could not be saved in the keychain: %1</source>
        <translation>Der API-Schlüssel konnte nicht im Schlüsselbund gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>countersign::gui::ChatViewModel</name>
    <message>
        <source>The agent is not available in this version of the app.</source>
        <translation>Der Agent ist in dieser Version der App nicht verfügbar.</translation>
    </message>
    <message>
        <source>The agent is not available right now.</source>
        <translation>Der Agent ist gerade nicht verfügbar.</translation>
    </message>
    <message>
        <source>This link cannot be opened: only web addresses (https) are.</source>
        <translation>Dieser Link kann nicht geöffnet werden: Nur Webadressen (https) lassen sich öffnen.</translation>
    </message>
    <message>
        <source>Your browser could not be opened. Open this address yourself: %1</source>
        <translation>Ihr Browser konnte nicht geöffnet werden. Öffnen Sie diese Adresse selbst: %1</translation>
    </message>
</context>
<context>
    <name>countersign::gui::DeviceViewModel</name>
    <message>
        <source>Not connected to your provider yet. Try again in a moment.</source>
        <translation>Noch nicht mit Ihrem Anbieter verbunden. Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>Your provider has no device approval API here, so codes are entered on its web page. Paste the link the device shows instead, and it opens in your browser.</source>
        <translation>Ihr Anbieter hat hier keine Schnittstelle zum Bestätigen von Gerätecodes; Codes werden auf seiner Webseite eingegeben. Fügen Sie stattdessen den Link ein, den das Gerät anzeigt, dann öffnet er sich in Ihrem Browser.</translation>
    </message>
    <message>
        <source>Your browser could not be opened. Open the device&apos;s link yourself.</source>
        <translation>Ihr Browser konnte nicht geöffnet werden. Öffnen Sie den Link des Geräts selbst.</translation>
    </message>
    <message>
        <source>Your provider has no device approval API here: the code&apos;s page is open in your browser. Decide there.</source>
        <translation>Ihr Anbieter hat hier keine Schnittstelle zum Bestätigen von Gerätecodes: Die Seite des Codes ist in Ihrem Browser geöffnet. Entscheiden Sie dort.</translation>
    </message>
    <message>
        <source>Approved. The device can go ahead now, on your behalf.</source>
        <translation>Genehmigt. Das Gerät kann jetzt in Ihrem Namen fortfahren.</translation>
    </message>
    <message>
        <source>Denied. The device has been told no.</source>
        <translation>Abgelehnt. Dem Gerät wurde abgesagt.</translation>
    </message>
</context>
<context>
    <name>countersign::gui::InboxViewModel</name>
    <message>
        <source>Connecting to your inbox…</source>
        <translation>Verbindung zum Posteingang wird hergestellt …</translation>
    </message>
    <message>
        <source>Offline: %1 Retrying…</source>
        <translation>Offline: %1 Neuer Versuch …</translation>
    </message>
</context>
<context>
    <name>countersign::gui::ProviderForm</name>
    <message>
        <source>Enter the issuer URL of your provider.</source>
        <translation>Geben Sie die Aussteller-URL Ihres Anbieters ein.</translation>
    </message>
    <message>
        <source>Enter a full URL, for example https://login.example.com.</source>
        <translation>Geben Sie eine vollständige URL ein, zum Beispiel https://login.example.com.</translation>
    </message>
    <message>
        <source>An issuer URL has no query (?…) or fragment (#…).</source>
        <translation>Eine Aussteller-URL hat keine Abfrage (?…) und kein Fragment (#…).</translation>
    </message>
    <message>
        <source>The issuer must use https://. Plain http is only allowed for a provider on this computer.</source>
        <translation>Der Aussteller muss https:// verwenden. Einfaches http ist nur für einen Anbieter auf diesem Computer erlaubt.</translation>
    </message>
    <message>
        <source>Enter the client ID of the application registered at your provider.</source>
        <translation>Geben Sie die Client-ID der Anwendung ein, die bei Ihrem Anbieter registriert ist.</translation>
    </message>
    <message>
        <source>A client ID contains no spaces.</source>
        <translation>Eine Client-ID enthält keine Leerzeichen.</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>Es gibt keine Datei %1.</translation>
    </message>
</context>
<context>
    <name>countersign::gui::TrayMenu</name>
    <message>
        <source>Open Countersign</source>
        <translation>Countersign öffnen</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Resume notifications (paused until %1)</source>
        <translation>Benachrichtigungen fortsetzen (pausiert bis %1)</translation>
    </message>
    <message>
        <source>Pause notifications for 1 hour</source>
        <translation>Benachrichtigungen 1 Stunde pausieren</translation>
    </message>
    <message>
        <source>Countersign: no requests waiting</source>
        <translation>Countersign: keine Anfragen offen</translation>
    </message>
    <message>
        <source>Countersign: 1 request waiting</source>
        <translation>Countersign: 1 Anfrage offen</translation>
    </message>
    <message>
        <source>Countersign: %1 requests waiting</source>
        <translation>Countersign: %1 Anfragen offen</translation>
    </message>
    <message>
        <source>Countersign keeps running</source>
        <translation>Countersign läuft weiter</translation>
    </message>
    <message>
        <source>It tells you about new requests while its window is closed. Open it again from its tray icon or the app menu; to stop it, choose Quit in the tray menu or press Ctrl+Q in its window.</source>
        <translation>Es meldet neue Anfragen, auch wenn sein Fenster geschlossen ist. Öffnen Sie es wieder über das Symbol im Infobereich oder das Anwendungsmenü; zum Beenden wählen Sie „Beenden“ im Menü des Symbols oder drücken Strg+Q im Fenster.</translation>
    </message>
</context>
<context>
    <name>countersign::notifications::AgentNotifier</name>
    <message>
        <source>The agent waits for you to approve a device code</source>
        <translation>Der Agent wartet darauf, dass Sie einen Gerätecode bestätigen</translation>
    </message>
    <message>
        <source>%1 needs the code %2 approved. Review opens it on the &quot;Enter code&quot; page.</source>
        <translation>%1 braucht die Bestätigung des Codes %2. „Ansehen“ öffnet ihn auf der Seite „Code eingeben“.</translation>
    </message>
</context>
<context>
    <name>countersign::notifications::ApprovalNotifier</name>
    <message>
        <source>Review</source>
        <translation>Ansehen</translation>
    </message>
    <message>
        <source>%1 requests wait for your decision</source>
        <translation>%1 Anfragen warten auf Ihre Entscheidung</translation>
    </message>
    <message>
        <source>Open Countersign to review them.</source>
        <translation>Öffnen Sie Countersign, um sie anzusehen.</translation>
    </message>
    <message>
        <source>%1 asks for your approval</source>
        <translation>%1 bittet um Ihre Zustimmung</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Countersign could not deny the request</source>
        <translation>Countersign konnte die Anfrage nicht ablehnen</translation>
    </message>
</context>
<context>
    <name>countersign::oauth::AuthorizationCodeFlow</name>
    <message>
        <source>Could not open a web browser. Open this address yourself to sign in: %1</source>
        <translation>Es konnte kein Webbrowser geöffnet werden. Öffnen Sie diese Adresse selbst, um sich anzumelden: %1</translation>
    </message>
    <message>
        <source>The sign-in response came from %1, not from the provider you chose.</source>
        <translation>Die Anmeldeantwort kam von %1, nicht von dem Anbieter, den Sie gewählt haben.</translation>
    </message>
    <message>
        <source>Sign-in was declined at the provider.</source>
        <translation>Die Anmeldung wurde beim Anbieter abgelehnt.</translation>
    </message>
    <message>
        <source>Sign-in was declined at the provider: %1</source>
        <translation>Die Anmeldung wurde beim Anbieter abgelehnt: %1</translation>
    </message>
    <message>
        <source>The provider refused the sign-in (%1).</source>
        <translation>Der Anbieter hat die Anmeldung verweigert (%1).</translation>
    </message>
    <message>
        <source>The sign-in response carried no authorization code.</source>
        <translation>Die Anmeldeantwort enthielt keinen Autorisierungscode.</translation>
    </message>
    <message>
        <source>You are signed in as %1.</source>
        <translation>Sie sind als %1 angemeldet.</translation>
    </message>
    <message>
        <source>Sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>countersign::oauth::JwksCache</name>
    <message>
        <source>Could not load the provider&apos;s signing keys: %1</source>
        <translation>Die Signaturschlüssel des Anbieters konnten nicht geladen werden: %1</translation>
    </message>
</context>
<context>
    <name>countersign::session::DeviceSignIn</name>
    <message>
        <source>%1 does not offer sign-in with a code (it has no device authorization endpoint).</source>
        <translation>%1 bietet keine Anmeldung mit Code an (es gibt keinen Endpunkt für die Geräteautorisierung).</translation>
    </message>
    <message>
        <source>The sign-in was denied.</source>
        <translation>Die Anmeldung wurde abgelehnt.</translation>
    </message>
    <message>
        <source>Sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>countersign::session::SessionManager</name>
    <message>
        <source>Another sign-in or sign-out is in progress.</source>
        <translation>Es läuft bereits eine andere An- oder Abmeldung.</translation>
    </message>
    <message>
        <source>You are signed out on this computer, but the provider could not be told: %1</source>
        <translation>Sie sind auf diesem Computer abgemeldet, aber der Anbieter konnte nicht benachrichtigt werden: %1</translation>
    </message>
    <message>
        <source>Sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>You signed in, but Countersign could not keep the session: %1 The sign-in was undone at the provider.</source>
        <translation>Sie haben sich angemeldet, aber Countersign konnte die Sitzung nicht behalten: %1 Die Anmeldung wurde beim Anbieter rückgängig gemacht.</translation>
    </message>
</context>
</TS>
