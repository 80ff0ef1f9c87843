import { useMemo, useRef, useState } from 'react';
import { useNavigate, Link } from 'react-router-dom';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { isApiError } from '../../app/api-client.ts';
import { IMPORT_KINDS } from '../../../common/api/enums.ts';
import type { ParsedSubPair, PlanPreview } from '../../../common/api/plans.ts';
import { applyServerErrors, unplacedLine } from '../../app/form-errors.ts';
import { useI18n } from '../../app/i18n.tsx';
import { useMessage } from '../../app/feedback.tsx';
import { useApi } from '../../app/use-api.ts';
import { programmesApi } from '../programmes/programmes.api.ts';
import { plansApi } from './plans.api.ts';
import { PlanDiffView } from './PlanDiffView.tsx';
import { SourceText, type LineRange } from './SourceText.tsx';
import { TargetEditor } from './TargetEditor.tsx';
import { PreviewUnits } from './PreviewUnits.tsx';
import { sectionNo } from './TaskTree.tsx';
import { SubPairReview } from './SubPairReview.tsx';
import {
  acceptedSubPairs,
  confirmInput,
  initialDecisions,
  initialKind,
  locateTasks,
  sectionsOf,
  type FieldPath,
  type LocatedTask,
  type ParsedSection,
  type PreviewValues,
  type SubPairDecision,
} from './preview-tree.ts';

const PANE_HEIGHT = 'max(480px, calc(100vh - 250px))';

function SubPairNames({ pairs }: { pairs: ParsedSubPair[] }) {
  const { t } = useI18n();
  if (!pairs.length) return null;
  const sep = t('ui.common.listSeparator');
  return (
    <div className="duikou-preview-subpairs">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('ui.plans.subPairsInText')}
      </Typography.Text>
      {pairs.map((p, i) => (
        <Tooltip key={i} title={p.source}>
          <Tag color="purple" style={{ marginInlineEnd: 0 }} data-testid="preview-subpair">
            {`${p.a.map((r) => r.name).join(sep)}—${p.b.map((r) => r.name).join(sep)}`}
          </Tag>
        </Tooltip>
      ))}
    </div>
  );
}

function TaskEditorRow({
  located,
  selected,
  onSelect,
}: {
  located: LocatedTask;
  selected: boolean;
  onSelect: (key: string) => void;
}) {
  const { t } = useI18n();
  const { key, path, task } = located;
  const required = [{ required: true, message: t('errors.field.required') }];
  return (
    <div
      className={`duikou-preview-task${selected ? ' is-selected' : ''}`}
      data-testid="preview-task"
      data-key={key}
      data-code={task.code}
      data-line={task.line}
      onClick={() => onSelect(key)}
      onFocusCapture={() => onSelect(key)}
    >
      <div className="duikou-preview-task-row">
        <Form.Item
          name={[...path, 'no']}
          rules={required}
          style={{ marginBottom: 0 }}
          className="duikou-preview-task-no"
        >
          <InputNumber
            min={1}
            max={9999}
            precision={0}
            style={{ width: 68 }}
            aria-label={t('ui.plans.taskNo')}
            data-testid="preview-task-no"
          />
        </Form.Item>
        <Form.Item name={[...path, 'title']} rules={required} style={{ marginBottom: 0, flex: 1, minWidth: 0 }}>
          <Input maxLength={500} aria-label={t('ui.plans.taskTitle')} data-testid="preview-task-title" />
        </Form.Item>
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap', paddingTop: 6 }}>
          {task.endLine !== task.line
            ? t('ui.tasks.sourceLines', { from: task.line, to: task.endLine })
            : t('ui.tasks.sourceLine', { line: task.line })}
        </Typography.Text>
      </div>
      <div className="duikou-preview-task-targets">
        <Form.Item name={[...path, 'targets']} style={{ marginBottom: 0 }}>
          <TargetEditor />
        </Form.Item>
      </div>
      <PreviewUnits path={path} />
      <SubPairNames pairs={task.subPairs} />
    </div>
  );
}

function SectionEditor({
  section,
  path,
  tasksByKey,
  selectedKey,
  onSelect,
  depth,
}: {
  section: ParsedSection;
  path: FieldPath;
  tasksByKey: Map<string, LocatedTask>;
  selectedKey: string | null;
  onSelect: (key: string) => void;
  depth: number;
}) {
  const { t } = useI18n();
  const count = locateTasks([section]).length;
  return (
    <div
      className="duikou-tree-section"
      data-testid="preview-section"
      style={{ marginInlineStart: depth > 1 ? 12 : 0 }}
    >
      <div className={`duikou-tree-section-head level-${Math.min(depth, 3)}`}>
        <span>
          {section.no && <span className="duikou-tree-section-no">{sectionNo(section.no)}</span>}
          {section.title}
        </span>
        {count > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {t('ui.plans.sectionCount', { count })}
          </Typography.Text>
        )}
      </div>
      <SubPairNames pairs={section.subPairs} />
      {section.tasks.map((_, k) => {
        const key = [...path, 'tasks', k].join('.');
        const located = tasksByKey.get(key)!;
        return <TaskEditorRow key={key} located={located} selected={selectedKey === key} onSelect={onSelect} />;
      })}
      {(section.children ?? []).map((child, j) => (
        <SectionEditor
          key={j}
          section={child}
          path={[...path, 'children', j]}
          tasksByKey={tasksByKey}
          selectedKey={selectedKey}
          onSelect={onSelect}
          depth={depth + 1}
        />
      ))}
    </div>
  );
}

/**
 * The parsed plan beside its source text, for the user to check and correct before anything is stored: task numbers,
 * titles and targets inline, the pairing when none was recognised, the sub-pairs to create; with what the file
 * changes in the current version of the same plan. Confirm posts the corrected tree.
 */
export function PlanPreviewEditor({ preview, onCancel }: { preview: PlanPreview; onCancel: () => void }) {
  const { t, pick } = useI18n();
  const message = useMessage();
  const navigate = useNavigate();
  const [form] = Form.useForm<PreviewValues>();
  const [saving, setSaving] = useState(false);
  const [banner, setBanner] = useState<string[] | null>(null);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [highlight, setHighlight] = useState<LineRange | null>(null);
  const [decisions, setDecisions] = useState<SubPairDecision[]>(() => initialDecisions(preview));
  const treePane = useRef<HTMLDivElement>(null);

  const sections = useMemo(() => sectionsOf(preview), [preview]);
  const located = useMemo(() => locateTasks(sections), [sections]);
  const tasksByKey = useMemo(() => new Map(located.map((l) => [l.key, l])), [located]);
  const initialValues = useMemo<PreviewValues>(
    () => ({
      title: preview.plan.title,
      docNo: preview.plan.docNo,
      kind: initialKind(preview),
      pairingId: preview.pairing?.id ?? null,
      sections,
    }),
    [preview, sections],
  );
  const kind = Form.useWatch('kind', form) ?? initialValues.kind;
  // A programme with its own plan kinds offers only those (the server refuses another on `kind`).
  const programmes = useApi((signal) => programmesApi.list(signal), []);
  const offered = programmes.data?.items.find((p) => p.id === preview.programmeId)?.planKinds;
  const kinds = IMPORT_KINDS.filter((k) => !offered || offered.includes(k));

  const select = (key: string) => {
    if (key === selectedKey) return;
    const task = tasksByKey.get(key)?.task;
    setSelectedKey(key);
    if (task) setHighlight({ from: task.line, to: task.endLine });
  };

  /** A click in the source selects the task whose clause holds that line, and brings it into view in the tree. */
  const selectByLine = (line: number) => {
    const hit = located.find((l) => l.task.line <= line && line <= l.task.endLine);
    if (!hit) {
      setHighlight({ from: line, to: line });
      return;
    }
    select(hit.key);
    const row = treePane.current?.querySelector<HTMLElement>(`[data-key="${hit.key}"]`);
    if (row && treePane.current)
      treePane.current.scrollTo({ top: Math.max(0, row.offsetTop - 48), behavior: 'smooth' });
  };

  const showFirstError = () => {
    const first = form.getFieldsError().find((f) => f.errors.length);
    if (first) form.scrollToField(first.name, { block: 'center' });
  };

  const confirm = async () => {
    setBanner(null);
    try {
      await form.validateFields();
    } catch {
      showFirstError();
      return;
    }
    const values = form.getFieldsValue(true) as PreviewValues;
    setSaving(true);
    try {
      const created = await plansApi.confirm(confirmInput(preview, values, decisions));
      if (created.unchanged) message.info(t('ui.plans.importUnchanged', { version: created.versionNo }));
      else
        message.success(
          t(created.subPairIds.length ? 'ui.plans.importedWithSubPairs' : 'ui.plans.imported', {
            version: created.versionNo,
            count: created.taskCount,
            subPairs: created.subPairIds.length,
          }),
        );
      navigate(`/plans/${created.id}`);
    } catch (err) {
      const chosen = acceptedSubPairs(preview, decisions);
      const { placed, unplaced } = applyServerErrors(form, err, pick);
      // Errors of a chosen sub-pair name it, not its place in the request.
      const lines = unplaced.map((e) => {
        const [head, index] = e.field.split('.');
        return head === 'subPairs' && index !== undefined && /^\d+$/.test(index)
          ? t('ui.plans.subPairProblem', {
              name: preview.subPairs[chosen[Number(index)]!]?.name ?? '',
              problem: e.text,
            })
          : unplacedLine(e);
      });
      if (isApiError(err)) setBanner([placed ? t('ui.common.formHasErrors') : pick(err), ...lines]);
      else setBanner([t('ui.common.networkError')]);
      if (placed) showFirstError();
    } finally {
      setSaving(false);
    }
  };

  // A pairing's plan needs its pairing; with none recognised and none to choose, the user must create it first.
  const noPairing = kind !== 'national' && !preview.pairing && preview.pairingCandidates.length === 0;

  return (
    <Form form={form} layout="vertical" initialValues={initialValues} data-testid="plan-preview" component="div">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small" title={t('ui.plans.previewTitle', { file: preview.fileName })}>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Form.Item
                name="title"
                label={t('ui.plans.planTitle')}
                rules={[{ required: true, message: t('errors.field.required') }]}
              >
                <Input maxLength={300} data-testid="preview-title" />
              </Form.Item>
            </Col>
            <Col xs={12} lg={6}>
              <Form.Item name="docNo" label={t('ui.plans.docNo')}>
                <Input maxLength={100} placeholder={t('ui.plans.docNoPlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={12} lg={6}>
              <Form.Item
                name="kind"
                label={t('ui.plans.kind')}
                rules={[{ required: true, message: t('errors.field.required') }]}
              >
                <Select
                  options={kinds.map((k) => ({ value: k, label: t(`domain.planKinds.${k}`) }))}
                  data-testid="preview-kind"
                />
              </Form.Item>
            </Col>
          </Row>
          {kind !== 'national' && preview.pairing && (
            <Form.Item label={t('ui.plans.pairing')}>
              <span data-testid="preview-pairing">
                <Link to={`/pairings/${preview.pairing.id}`} target="_blank">
                  {preview.pairing.name}
                </Link>
                <Tag color="green" style={{ marginInlineStart: 8 }}>
                  {t('ui.plans.pairingDetected')}
                </Tag>
              </span>
            </Form.Item>
          )}
          {kind !== 'national' && !preview.pairing && preview.pairingCandidates.length > 0 && (
            <Form.Item
              name="pairingId"
              label={t('ui.plans.pairingChoose')}
              extra={t('ui.plans.pairingNotDetected')}
              rules={[{ required: true, message: t('errors.field.pairing_required') }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('ui.common.selectPlaceholder')}
                options={preview.pairingCandidates.map((c) => ({ value: c.id, label: c.name }))}
                style={{ maxWidth: 420 }}
                data-testid="preview-pairing-select"
              />
            </Form.Item>
          )}
          {noPairing && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('ui.plans.pairingNone')}
              data-testid="preview-no-pairing"
              action={
                <Link to="/pairings" target="_blank">
                  <Button size="small">{t('ui.plans.pairingCreate')}</Button>
                </Link>
              }
            />
          )}
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
            <Descriptions.Item label={t('ui.plans.sides')}>
              {preview.plan.sides.length ? preview.plan.sides.map((s) => s.name).join(t('ui.plans.sideJoin')) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('ui.plans.taskCount')}>
              <span data-testid="preview-task-count">{preview.taskCount}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('ui.plans.targetCount')}>{preview.targetCount}</Descriptions.Item>
            <Descriptions.Item label={t('ui.plans.measures')}>{preview.plan.measures.length}</Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary">{t('ui.plans.nothingStored')}</Typography.Text>
        </Card>

        {preview.existing && (
          <Card size="small" title={t('ui.plans.existingTitle')} data-testid="preview-existing">
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('ui.plans.existingNotice', {
                title: preview.existing.title,
                version: preview.existing.versionNo,
                next: preview.existing.versionNo + 1,
              })}
              action={
                <Link to={`/plans/${preview.existing.id}`} target="_blank">
                  <Button size="small">{t('ui.plans.openCurrent')}</Button>
                </Link>
              }
            />
            {preview.diff && <PlanDiffView diff={preview.diff} defaultOpen />}
          </Card>
        )}

        <Row gutter={16}>
          <Col xs={24} lg={13}>
            <Card
              size="small"
              title={t('ui.plans.previewTree')}
              extra={<Typography.Text type="secondary">{t('ui.plans.previewTreeHint')}</Typography.Text>}
            >
              <div
                ref={treePane}
                className="duikou-preview-tree"
                style={{ height: PANE_HEIGHT }}
                data-testid="preview-tree"
              >
                {sections.map((section, i) => (
                  <SectionEditor
                    key={i}
                    section={section}
                    path={['sections', i]}
                    tasksByKey={tasksByKey}
                    selectedKey={selectedKey}
                    onSelect={select}
                    depth={1}
                  />
                ))}
                {preview.plan.measures.length > 0 && (
                  <div className="duikou-tree-section">
                    <div className="duikou-tree-section-head level-1">{t('ui.plans.measures')}</div>
                    {preview.plan.measures.map((m, i) => (
                      <button
                        type="button"
                        key={i}
                        className="duikou-preview-measure"
                        onClick={() => setHighlight({ from: m.line, to: m.line })}
                        data-testid="preview-measure"
                      >
                        <span className="duikou-tree-section-no">{m.no}</span>
                        {m.title}
                      </button>
                    ))}
                  </div>
                )}
              </div>
            </Card>
          </Col>
          <Col xs={24} lg={11}>
            <Card
              size="small"
              title={t('ui.plans.sourceText')}
              extra={
                <Typography.Text type="secondary">
                  {t('ui.plans.sourceLineCount', { count: preview.sourceLines.length })}
                </Typography.Text>
              }
            >
              <SourceText
                lines={preview.sourceLines}
                highlight={highlight}
                onLineClick={selectByLine}
                height={PANE_HEIGHT}
              />
            </Card>
          </Col>
        </Row>

        {preview.subPairs.length > 0 && (
          <SubPairReview
            suggestions={preview.subPairs}
            decisions={decisions}
            onChange={setDecisions}
            onLine={selectByLine}
          />
        )}

        {banner && (
          <Alert
            type="error"
            showIcon
            title={banner[0]}
            description={banner.length > 1 ? banner.slice(1).map((line, i) => <div key={i}>{line}</div>) : undefined}
            data-testid="form-banner"
          />
        )}
        <div className="duikou-confirm-bar">
          <Typography.Text type="secondary">
            {preview.existing
              ? t('ui.plans.confirmHintVersion', { count: preview.taskCount, version: preview.existing.versionNo + 1 })
              : t('ui.plans.confirmHint', { count: preview.taskCount })}
          </Typography.Text>
          <Space>
            <Button onClick={onCancel} data-testid="preview-cancel">
              {t('ui.plans.chooseAnother')}
            </Button>
            <Button
              type="primary"
              loading={saving}
              disabled={noPairing}
              onClick={confirm}
              data-testid="preview-confirm"
            >
              {t('ui.plans.confirmImport')}
            </Button>
          </Space>
        </div>
      </Space>
    </Form>
  );
}
