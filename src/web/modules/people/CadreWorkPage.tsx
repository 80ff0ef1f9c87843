import { Link } from 'react-router-dom';
import { Button, Card, Col, Empty, List, Row, Space, Typography } from 'antd';
import { IdcardOutlined, ReadOutlined, TeamOutlined } from '@ant-design/icons';
import { useI18n, usePageTitle } from '../../app/i18n.tsx';
import { useMe, useSession } from '../../app/session.tsx';
import { useApi } from '../../app/use-api.ts';
import { PeopleFiguresCard, SecondmentStatusTag } from './people-display.tsx';
import { peopleApi } from './people.api.ts';

/** How many cadres in post the page lists, the nearest to the end of their posting first. */
const SHOWN = 8;

/**
 * 干部人才工作: where 组织部 lands, with the cadre work of every pairing its region takes part in: the counts by
 * pairing and year (cadres each way, trainees, exchanges), the cadres in post and when their postings end, and
 * the way to the roster, the trainings and the exchanges. Names only for those who may read them.
 */
export function CadreWorkPage() {
  const { t } = useI18n();
  usePageTitle('ui.people.cadreWork.title');
  const me = useMe();
  const { can } = useSession();
  const names = can('cadre.readNames');
  const inPost = useApi(
    (signal) =>
      names
        ? peopleApi.secondments({ status: 'in_post', sort: 'endsOn', page: '1', pageSize: String(SHOWN) }, signal)
        : Promise.resolve(undefined),
    [names],
  );
  const shortcuts = [
    {
      to: '/secondments',
      icon: <IdcardOutlined />,
      label: t('ui.people.nav.secondments'),
      testId: 'cadre-work-secondments',
    },
    { to: '/trainings', icon: <ReadOutlined />, label: t('ui.people.nav.trainings'), testId: 'cadre-work-trainings' },
    { to: '/exchanges', icon: <TeamOutlined />, label: t('ui.people.nav.exchanges'), testId: 'cadre-work-exchanges' },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="cadre-work">
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('ui.people.cadreWork.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {t('ui.people.cadreWork.intro', { organisation: me.user.organisationName })}
        </Typography.Paragraph>
        <Space wrap>
          {shortcuts.map((s) => (
            <Link key={s.to} to={s.to}>
              <Button icon={s.icon} data-testid={s.testId}>
                {s.label}
              </Button>
            </Link>
          ))}
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={names ? 15 : 24}>
          <PeopleFiguresCard />
        </Col>
        {names && (
          <Col xs={24} xl={9}>
            <Card
              title={t('ui.people.cadreWork.inPostTitle')}
              style={{ marginTop: 16 }}
              loading={inPost.loading}
              extra={<Link to="/secondments?status=in_post">{t('ui.people.cadreWork.viewAll')}</Link>}
              data-testid="cadre-work-in-post"
            >
              {inPost.data && !inPost.data.items.length ? (
                <Empty description={t('ui.people.cadreWork.inPostEmpty')} />
              ) : (
                <List
                  size="small"
                  dataSource={inPost.data?.items ?? []}
                  renderItem={(c) => (
                    <List.Item data-testid="cadre-work-in-post-row">
                      <Space orientation="vertical" size={0}>
                        <Space>
                          <Typography.Text strong>{c.name}</Typography.Text>
                          <SecondmentStatusTag status={c.status} />
                        </Space>
                        <Typography.Text type="secondary">
                          {t('ui.people.cadreWork.posting', {
                            pairing: c.pairingName,
                            unit: c.hostUnit,
                            post: c.hostPost,
                            date: c.endsOn,
                          })}
                        </Typography.Text>
                      </Space>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </Col>
        )}
      </Row>
    </Space>
  );
}
