import type { GoalAssessment as GoalAssessmentCode } from '../../core/interventions/vocabulary.ts';
import { GoalAssessment } from '../../core/interventions/vocabulary.ts';

const assessmentColour: Record<GoalAssessmentCode, { fill: string; symbol: string }> = {
  met: { fill: '#1f6b2e', symbol: '✓' },
  partly_met: { fill: '#8a5a00', symbol: '◐' },
  not_met: { fill: '#a4141c', symbol: '✗' },
};

/** Goal assessment as colour AND symbol AND text (never colour alone). */
export function AssessmentBadge(props: { assessment: GoalAssessmentCode }) {
  const a = assessmentColour[props.assessment];
  return (
    <span class={`assessment assessment-${props.assessment}`}>
      <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
        <circle cx="7" cy="7" r="6" fill={a.fill} />
      </svg>{' '}
      {a.symbol} {GoalAssessment.label(props.assessment)}
    </span>
  );
}
