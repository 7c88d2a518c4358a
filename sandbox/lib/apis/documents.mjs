// The demo documents: the corpus behind the documents API (docs-api.mjs),
// which plays a vector store or search index, and who may read each one,
// which seeds the OpenFGA stand-in (fga.mjs). Searching returns every match;
// filtering by permission is the client's job (an FGA batch-check per result,
// as Auth0's FGARetriever does), so search for "budget" as alice and some
// results are hers to read and some are not.
//
//   document           owner  viewer  alice reads  bob reads   topics
//   q3-plan            alice  bob     yes          yes         roadmap, budget
//   budget-2025        alice  -       yes          no          budget
//   marketing-budget   bob    -       no           yes         budget
//   roadmap-2025       bob    alice   yes          yes         roadmap
//   hiring-plan        bob    -       no           yes         budget
//   offsite-notes      alice  -       yes          no          roadmap
//
// DEMO ONLY: invented content.

export const DOCUMENTS = [
  {
    id: 'q3-plan',
    title: 'Q3 plan',
    owner: 'alice',
    viewers: ['bob'],
    text: 'Goals for the third quarter: ship the approvals inbox on the desktop, finish sign-in with a code, '
      + 'and keep the travel budget flat. The roadmap review is on the first Monday of July.',
  },
  {
    id: 'budget-2025',
    title: '2025 budget draft',
    owner: 'alice',
    viewers: [],
    text: 'Draft budget for 2025: engineering 1.2M EUR, marketing 400k EUR, travel 60k EUR. '
      + 'Not final: the numbers change after the board meeting in March.',
  },
  {
    id: 'marketing-budget',
    title: 'Marketing budget notes',
    owner: 'bob',
    viewers: [],
    text: 'The marketing budget for the autumn campaign is 150k EUR, split between events (60%) and online ads (40%). '
      + 'Agency fees come out of the events share.',
  },
  {
    id: 'roadmap-2025',
    title: 'Product roadmap 2025',
    owner: 'bob',
    viewers: ['alice'],
    text: 'Roadmap themes for 2025: approvals for AI agents, fine-grained sharing of documents, and sign-in without a browser. '
      + 'Each theme has an owner and a milestone per quarter.',
  },
  {
    id: 'hiring-plan',
    title: 'Hiring plan',
    owner: 'bob',
    viewers: [],
    text: 'We plan to hire two engineers and one designer this year. '
      + 'The hiring budget covers recruiter fees, travel for interviews and laptops for onboarding.',
  },
  {
    id: 'offsite-notes',
    title: 'Team offsite notes',
    owner: 'alice',
    viewers: [],
    text: 'Notes from the spring offsite: the team wants fewer meetings, a clearer roadmap, '
      + 'and one shared calendar for release dates.',
  },
];

/** The document with this id, or undefined. */
export function findDocument(id) {
  return DOCUMENTS.find((doc) => doc.id === id);
}
