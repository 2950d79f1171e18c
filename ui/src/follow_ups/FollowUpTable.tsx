// Follow-ups in a table with a "done" checkbox per row. Marking one done shows at once and is
// saved in the background; a failure puts the row back and explains in the error banner.
import { useState } from "preact/hooks";
import * as api from "../api";
import type { FollowUpView } from "../api";
import { Badge } from "../components/Badge";
import { useApp } from "../components/context";
import { dash } from "../components/Table";
import { formatDate, relativeDay, t, todayYmd } from "../i18n";
import { href, routes } from "../router";

/** The rows with the user's latest done/undone choices applied (optimistically). */
export function useFollowUpToggle(rows: FollowUpView[] | undefined) {
  const app = useApp();
  // id → doneAt chosen by the user (null = open again)
  const [overrides, setOverrides] = useState<Record<string, string | null>>({});
  const today = todayYmd();

  const view: FollowUpView[] | undefined = rows?.map((r) => {
    if (!(r.id in overrides)) return r;
    const doneAt = overrides[r.id];
    return { ...r, doneAt, overdue: !doneAt && !!r.dueOn && r.dueOn < today };
  });

  const toggle = (f: FollowUpView, done: boolean) => {
    const previous = f.doneAt;
    setOverrides((o) => ({ ...o, [f.id]: done ? new Date().toISOString() : null }));
    api.followUps.setDone(f.id, done).then(
      (saved) => setOverrides((o) => ({ ...o, [f.id]: saved.doneAt })),
      (e: unknown) => {
        setOverrides((o) => ({ ...o, [f.id]: previous }));
        app.showError(e);
      },
    );
  };

  return { rows: view, toggle };
}

export function OverdueBadge() {
  return (
    <span data-testid="overdue-badge">
      <Badge tone="danger">{t("followUp.overdue")}</Badge>
    </span>
  );
}

export function FollowUpTable({
  rows,
  onToggle,
  testid = "follow-ups-table",
  showMission = true,
  showContact = true,
  showOwner = true,
  compact,
}: {
  rows: FollowUpView[];
  onToggle: (f: FollowUpView, done: boolean) => void;
  testid?: string;
  showMission?: boolean;
  showContact?: boolean;
  showOwner?: boolean;
  compact?: boolean;
}) {
  return (
    <table class={"table follow-ups" + (compact ? " table-compact" : "")} data-testid={testid}>
      <thead>
        <tr>
          <th scope="col" class="check-col">
            <span class="sr-only">{t("followUp.done")}</span>
          </th>
          <th scope="col">{t("col.followUp")}</th>
          {showOwner && <th scope="col">{t("col.owner")}</th>}
          {showContact && <th scope="col">{t("col.contact")}</th>}
          {showMission && <th scope="col">{t("col.mission")}</th>}
          <th scope="col">{t("col.due")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((f) => {
          const done = !!f.doneAt;
          return (
            <tr
              key={f.id}
              data-testid="follow-up-row"
              data-id={f.id}
              data-done={done ? "true" : "false"}
              class={(done ? "is-done" : "") + (f.overdue ? " is-overdue" : "")}
            >
              <td class="check-col">
                <input
                  type="checkbox"
                  class="checkbox"
                  data-testid="follow-up-done"
                  checked={done}
                  aria-label={t(done ? "followUp.markOpen" : "followUp.markDone", { what: f.what })}
                  title={t(done ? "followUp.markOpen" : "followUp.markDone", { what: f.what })}
                  onChange={(e) => onToggle(f, e.currentTarget.checked)}
                />
              </td>
              <td class="cell-primary">
                <span class="follow-up-what">{f.what}</span>
                {f.meetingId && f.meetingTitle && (
                  <a class="cell-sub" href={href(routes.meeting(f.meetingId))}>
                    {f.meetingTitle}
                  </a>
                )}
              </td>
              {showOwner && (
                <td>
                  {f.ownerName ? (
                    <>
                      <span>{f.ownerName}</span>
                      {f.ownerMemberName && f.ownerMemberId && (
                        <a class="cell-sub" href={href(routes.member(f.ownerMemberId, f.ownerPersonId ?? undefined))}>
                          {f.ownerMemberName}
                        </a>
                      )}
                    </>
                  ) : (
                    "—"
                  )}
                </td>
              )}
              {showContact && (
                <td>
                  {f.contactId && f.contactName ? (
                    <a href={href(routes.contact(f.contactId))}>{f.contactName}</a>
                  ) : (
                    dash(f.contactName)
                  )}
                </td>
              )}
              {showMission && (
                <td>
                  {f.missionId && f.missionTitle ? (
                    <a href={href(routes.mission(f.missionId))}>{f.missionTitle}</a>
                  ) : (
                    dash(f.missionTitle)
                  )}
                </td>
              )}
              <td class="nowrap tabular">
                {f.dueOn ? (
                  <span class="due" title={relativeDay(f.dueOn)}>
                    {formatDate(f.dueOn)}
                  </span>
                ) : (
                  <span class="muted">{t("followUp.noDue")}</span>
                )}
                {f.overdue && !done && (
                  <>
                    {" "}
                    <OverdueBadge />
                  </>
                )}
                {done && f.doneAt && <span class="cell-sub">{t("followUp.doneOn", { date: formatDoneAt(f.doneAt) })}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function formatDoneAt(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const ymd = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  return formatDate(ymd);
}
