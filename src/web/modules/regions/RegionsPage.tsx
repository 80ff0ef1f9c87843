import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Card, Col, Input, List, Row, Tag, Tree, Typography, type TreeDataNode } from 'antd';
import type { RegionItem } from '../../../common/api/regions.ts';
import { ErrorResult } from '../../app/ErrorResult.tsx';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useApi } from '../../app/use-api.ts';
import { regionsApi } from './regions.api.ts';
import { RegionDetailCard } from './RegionDetailCard.tsx';

interface RegionNode extends TreeDataNode {
  key: string;
  children?: RegionNode[];
}

function RegionTitle({ region }: { region: RegionItem }) {
  const { t } = useI18n();
  return (
    <span>
      {region.name} <Typography.Text type="secondary">{region.code}</Typography.Text>
      {region.zoneType && (
        <Tag color="purple" style={{ marginInlineStart: 6 }}>
          {t(`domain.zoneTypes.${region.zoneType}`)}
        </Tag>
      )}
    </span>
  );
}

const toNode = (region: RegionItem): RegionNode => ({
  key: region.code,
  title: <RegionTitle region={region} />,
  isLeaf: region.childCount === 0,
});

function withChildren(nodes: RegionNode[], key: string, children: RegionNode[]): RegionNode[] {
  return nodes.map((node) =>
    node.key === key
      ? { ...node, children, isLeaf: children.length === 0 }
      : node.children
        ? { ...node, children: withChildren(node.children, key, children) }
        : node,
  );
}

/** Province → city → county, loaded one level at a time, with the zones attached to each region; and a search. */
export function RegionsPage() {
  const { t } = useI18n();
  usePageTitle('ui.regions.title');
  const [params, setParams] = useSearchParams();
  const selected = params.get('code') ?? undefined;
  const q = params.get('q') ?? '';
  const [tree, setTree] = useState<RegionNode[]>([]);
  const [expanded, setExpanded] = useState<string[]>([]);

  const roots = useApi((signal) => regionsApi.list({ level: 'province', pageSize: 100 }, signal), []);
  useEffect(() => {
    if (roots.data) setTree(roots.data.items.map(toNode));
  }, [roots.data]);

  const results = useApi(
    (signal) => (q ? regionsApi.list({ q, pageSize: 50 }, signal) : Promise.resolve(undefined)),
    [q],
  );

  const loadChildren = useCallback(async (node: RegionNode) => {
    if (node.children) return;
    const res = await regionsApi.list({ parentCode: node.key, pageSize: 500 });
    setTree((current) => withChildren(current, node.key, res.items.map(toNode)));
  }, []);

  const select = (code: string | undefined) => {
    const next = new URLSearchParams(params);
    if (code) next.set('code', code);
    else next.delete('code');
    setParams(next, { replace: true });
  };

  const search = (value: string) => {
    const next = new URLSearchParams(params);
    if (value.trim()) next.set('q', value.trim());
    else next.delete('q');
    setParams(next, { replace: true });
  };

  if (roots.error) return <ErrorResult error={roots.error} onRetry={roots.reload} />;

  return (
    <Row gutter={16}>
      <Col xs={24} lg={9}>
        <Card
          size="small"
          title={q ? t('ui.regions.searchResults') : t('ui.regions.tree')}
          style={{ marginBottom: 16 }}
        >
          <Input.Search
            allowClear
            defaultValue={q}
            placeholder={t('ui.regions.searchPlaceholder')}
            onSearch={search}
            style={{ marginBottom: 12 }}
            data-testid="region-search"
          />
          {q ? (
            <List<RegionItem>
              size="small"
              loading={results.loading}
              dataSource={results.data?.items ?? []}
              locale={{ emptyText: t('ui.common.empty') }}
              style={{ maxHeight: 'calc(100vh - 260px)', overflow: 'auto' }}
              renderItem={(region) => (
                <List.Item
                  onClick={() => select(region.code)}
                  className="duikou-clickable-row"
                  style={{ background: region.code === selected ? '#fff1f0' : undefined }}
                  data-testid="region-result"
                >
                  <List.Item.Meta
                    title={<RegionTitle region={region} />}
                    description={[t(`domain.regionLevels.${region.level}`), region.parentName]
                      .filter(Boolean)
                      .join(' · ')}
                  />
                </List.Item>
              )}
            />
          ) : (
            <div style={{ maxHeight: 'calc(100vh - 260px)', overflow: 'auto' }}>
              <Tree<RegionNode>
                treeData={tree}
                loadData={loadChildren}
                expandedKeys={expanded}
                onExpand={(keys) => setExpanded(keys as string[])}
                selectedKeys={selected ? [selected] : []}
                onSelect={(keys) => select(keys[0] as string | undefined)}
                blockNode
                data-testid="region-tree"
              />
            </div>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        <RegionDetailCard code={selected} onSelect={select} />
      </Col>
    </Row>
  );
}
