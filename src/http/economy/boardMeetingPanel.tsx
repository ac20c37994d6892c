/**
 * The board member's start page (the overview) opens with the board's next meeting: its date, its agenda (the
 * decision items with their proposals) and its handlingar to download. A view of BoardMeetingPanelModel, which
 * dashboardRoutes.tsx loadBoardMeetingPanel builds from the meetings register (services/reports/nextMeeting.ts).
 */

export interface BoardMeetingPanelModel {
  /** The next meeting on or after today, or null when none is registered. */
  readonly meeting: {
    readonly date: string;
    /** "tisdag 15 december 2026" */
    readonly dateText: string;
    readonly note: string;
    readonly href: string;
    readonly items: readonly { readonly title: string; readonly proposal: string }[];
    /** The meeting's handlingar: the board pack in both formats and the documents that go with it. */
    readonly documents: readonly { readonly href: string; readonly label: string }[];
  } | null;
  /** The board register with every meeting. */
  readonly boardHref: string;
}

export function BoardMeetingPanel(props: { model: BoardMeetingPanelModel }) {
  const { meeting, boardHref } = props.model;
  return (
    <section class="next-meeting" aria-labelledby="next-meeting-title">
      <h2 id="next-meeting-title">{meeting ? `Nästa styrelsemöte: ${meeting.dateText}` : 'Nästa styrelsemöte'}</h2>
      {meeting ? (
        <>
          {meeting.note ? <p>{meeting.note}</p> : null}
          <h3>Ärenden för beslut</h3>
          {meeting.items.length ? (
            <ol>
              {meeting.items.map((i) => (
                <li>
                  <strong>{i.title}</strong>
                  {i.proposal ? <span class="muted"> – förslag till beslut: {i.proposal}</span> : null}
                </li>
              ))}
            </ol>
          ) : (
            <p>Inga ärenden för beslut är registrerade ännu.</p>
          )}
          <h3>Handlingar</h3>
          <ul class="downloads">
            {meeting.documents.map((d) => (
              <li>
                <a href={d.href} download>
                  {d.label}
                </a>
              </li>
            ))}
          </ul>
          <p>
            <a href={meeting.href}>Mötet {meeting.date}</a> · <a href={boardHref}>Alla möten</a>
          </p>
        </>
      ) : (
        <p>
          Inget kommande möte är registrerat. Kansliet lägger in styrelsens möten; tidigare möten och deras handlingar finns under{' '}
          <a href={boardHref}>Styrelse och möten</a>.
        </p>
      )}
    </section>
  );
}
