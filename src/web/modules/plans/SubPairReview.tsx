import { Button, Card, Col, Radio, Row, Tag, Tooltip, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, EditOutlined } from '@ant-design/icons';
import type { NamedRegion, SubPairSuggestion } from '../../../common/api/plans.ts';
import { useI18n } from '../../app/i18n.tsx';
import { RegionSelect, type RegionOption } from '../../shared/RegionSelect.tsx';
import type { SubPairDecision } from './preview-tree.ts';

/** The regions a side's names may mean, offered first when the office corrects it. */
function optionsOf(side: NamedRegion[]): RegionOption[] {
  return side.flatMap((r) =>
    r.code ? [{ code: r.code, name: r.name }] : (r.candidates ?? []).map((c) => ({ code: c.code, name: c.name })),
  );
}

/** The clause with the pair's own words marked, so the office sees what was read and from where. */
function Clause({ clause, quote }: { clause: string; quote: string }) {
  const at = clause.indexOf(quote);
  if (at < 0) return <>{clause}</>;
  return (
    <>
      {clause.slice(0, at)}
      <mark>{quote}</mark>
      {clause.slice(at + quote.length)}
    </>
  );
}

/** Why a side cannot be created as read: a name several regions bear, or a zone the registry lacks. */
function Problems({ side }: { side: NamedRegion[] }) {
  const { t } = useI18n();
  const unresolved = side.filter((r) => !r.code);
  if (unresolved.length === 0) return null;
  return (
    <>
      {unresolved.map((r) => (
        <Typography.Text key={r.name} type="warning" style={{ display: 'block', fontSize: 12 }}>
          {r.candidates?.length
            ? t('ui.planImport.ambiguous', { name: r.name, choices: r.candidates.map((c) => c.name).join('、') })
            : t('ui.planImport.unknownPlace', { name: r.name })}
        </Typography.Text>
      ))}
    </>
  );
}

function Row1({
  p,
  d,
  onChange,
  onLine,
}: {
  p: SubPairSuggestion;
  d: SubPairDecision;
  onChange: (d: SubPairDecision) => void;
  onLine: (line: number) => void;
}) {
  const { t } = useI18n();
  const complete = d.sideA.length > 0 && d.sideB.length > 0;
  const status = p.exists ? (
    <Tag icon={<CheckOutlined />} color="default">
      {t('ui.plans.subPairExists')}
    </Tag>
  ) : d.corrected ? (
    <Tag color="purple">{t('ui.planImport.corrected')}</Tag>
  ) : p.resolved ? (
    <Tag color="blue">{t('ui.plans.subPairNew')}</Tag>
  ) : (
    <Tooltip title={t('ui.planImport.unresolvedHelp')}>
      <Tag icon={<CloseOutlined />} color="warning">
        {t('ui.plans.subPairUnresolved')}
      </Tag>
    </Tooltip>
  );
  return (
    <div
      className="duikou-suggestion"
      style={{ flexDirection: 'column', alignItems: 'stretch', opacity: d.decision === 'reject' ? 0.55 : 1 }}
      data-testid="subpair-suggestion"
      data-exists={p.exists}
      data-resolved={p.resolved}
      data-decision={p.exists ? 'exists' : (d.decision ?? 'pending')}
    >
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <strong style={{ textDecoration: d.decision === 'reject' ? 'line-through' : undefined }}>{p.name}</strong>
        {p.theme && <Typography.Text type="secondary">{`· ${p.theme}`}</Typography.Text>}
        {status}
        {p.line !== null && (
          <Button type="link" size="small" onClick={() => onLine(p.line!)} style={{ paddingInline: 0 }}>
            {t('ui.tasks.sourceLine', { line: p.line })}
          </Button>
        )}
        {!p.exists && (
          <span style={{ marginInlineStart: 'auto', display: 'flex', gap: 8 }}>
            <Button
              size="small"
              icon={<EditOutlined />}
              type={d.editing ? 'primary' : 'default'}
              ghost={d.editing}
              onClick={() => onChange({ ...d, editing: !d.editing })}
              data-testid="subpair-correct"
            >
              {t('ui.planImport.correct')}
            </Button>
            <Radio.Group
              size="small"
              optionType="button"
              value={d.decision}
              onChange={(e) => onChange({ ...d, decision: e.target.value, editing: false })}
              options={[
                {
                  value: 'accept',
                  label: <span data-testid="subpair-accept">{t('ui.planImport.accept')}</span>,
                  disabled: !complete,
                },
                { value: 'reject', label: <span data-testid="subpair-reject">{t('ui.planImport.reject')}</span> },
              ]}
            />
          </span>
        )}
      </div>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }} data-testid="subpair-clause">
        <Clause clause={p.clause} quote={p.quote} />
      </Typography.Paragraph>
      {!p.exists && (
        <Row gutter={12}>
          <Col span={12}>
            <Problems side={p.a} />
          </Col>
          <Col span={12}>
            <Problems side={p.b} />
          </Col>
        </Row>
      )}
      {d.editing && (
        <Row gutter={12} style={{ marginTop: 6 }}>
          {(['sideA', 'sideB'] as const).map((key) => (
            <Col span={12} key={key}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(key === 'sideA' ? 'ui.pairings.sideA' : 'ui.pairings.sideB')}
              </Typography.Text>
              <RegionSelect
                multiple
                initial={optionsOf(key === 'sideA' ? p.a : p.b)}
                value={d[key]}
                onChange={(codes) => onChange({ ...d, [key]: codes, corrected: true })}
                data-testid={`subpair-${key}`}
              />
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
}

/**
 * The sub-pairs the file names, each with the clause it comes from, for the office to accept, correct (pick the
 * region or zone of each side) or reject before confirming; accepted ones become sub-pairings of the plan's pairing.
 */
export function SubPairReview({
  suggestions,
  decisions,
  onChange,
  onLine,
}: {
  suggestions: SubPairSuggestion[];
  decisions: SubPairDecision[];
  onChange: (decisions: SubPairDecision[]) => void;
  onLine: (line: number) => void;
}) {
  const { t } = useI18n();
  const creatable = suggestions.flatMap((p, i) => (p.resolved && !p.exists ? [i] : []));
  const set = (i: number, d: SubPairDecision) => onChange(decisions.map((x, k) => (k === i ? d : x)));
  return (
    <Card
      size="small"
      title={t('ui.plans.subPairSuggestions', { count: suggestions.length })}
      extra={
        creatable.length > 0 && (
          <Button
            size="small"
            type="link"
            onClick={() =>
              onChange(decisions.map((d, i) => (creatable.includes(i) ? { ...d, decision: 'accept' } : d)))
            }
            data-testid="subpair-accept-all"
          >
            {t('ui.planImport.acceptAll', { count: creatable.length })}
          </Button>
        )
      }
      data-testid="preview-subpair-suggestions"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('ui.planImport.hint')}
      </Typography.Paragraph>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
        {suggestions.map((p, i) => (
          <Row1 key={i} p={p} d={decisions[i]!} onChange={(d) => set(i, d)} onLine={onLine} />
        ))}
      </div>
    </Card>
  );
}
