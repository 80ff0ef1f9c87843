import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Button, Dropdown, Layout, Menu, Space, Spin, Typography, theme, type MenuProps } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  CommentOutlined,
  DashboardOutlined,
  ExperimentOutlined,
  IdcardOutlined,
  ReadOutlined,
  RetweetOutlined,
  NotificationOutlined,
  FundOutlined,
  FileTextOutlined,
  FileDoneOutlined,
  FlagOutlined,
  InboxOutlined,
  EnvironmentOutlined,
  KeyOutlined,
  SafetyOutlined,
  MailOutlined,
  LogoutOutlined,
  FundProjectionScreenOutlined,
  PartitionOutlined,
  ProjectOutlined,
  ShopOutlined,
  SwapOutlined,
  SolutionOutlined,
  UsergroupAddOutlined,
  ScheduleOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Permission } from '../../../common/access/permissions.ts';
import type { MessageKey } from '../../../common/i18n/messages.ts';
import { useI18n } from '../i18n.tsx';
import { useMe, useSession } from '../session.tsx';
import { LocaleSwitch } from './LocaleSwitch.tsx';
import { ProgrammeProvider, useProgramme } from '../programme.tsx';
// Shown only to users of several programmes: antd's Select stays out of everyone else's first screen.
const ProgrammeSwitch = lazy(() => import('../ProgrammeSwitch.tsx'));
// Shown when asked for: antd's Form and its validator stay out of the first screen's JavaScript.
const ChangePasswordModal = lazy(() =>
  import('./ChangePasswordModal.tsx').then((m) => ({ default: m.ChangePasswordModal })),
);
// Rarely shown, and the QR code is heavy: kept out of the first screen's JavaScript.
const TwoFactorModal = lazy(() => import('./TwoFactorModal.tsx').then((m) => ({ default: m.TwoFactorModal })));
const EmailNoticesModal = lazy(() => import('./EmailNoticesModal.tsx').then((m) => ({ default: m.EmailNoticesModal })));
const PendingStep = lazy(() =>
  import('../../modules/auth/totp/PendingStep.tsx').then((m) => ({ default: m.PendingStep })),
);
import { useMessage } from '../feedback.tsx';
import { releaseFirstScreen, useFirstScreenDone } from '../first-screen.ts';
import { NotificationBell } from '../../modules/reporting/NotificationBell.tsx';
import { WorkbenchBadge } from '../../modules/workbench/WorkbenchBadge.tsx';
import { worksAsOrgDept } from '../../modules/people/org-dept.ts';
import type { Role } from '../../../common/access/roles.ts';
import { LineChartOutlined, TrophyOutlined } from '@ant-design/icons';

export interface NavItem {
  path: string;
  label: MessageKey;
  icon: React.ReactNode;
  permission: Permission;
  /** A count shown beside the label (the workbench's to-dos). */
  badge?: React.ComponentType;
  /** 组织部's own menu: its cadre pages first ('first'), its landing page for it alone ('only'). */
  orgDept?: 'first' | 'only';
}

/** The menu, in order. */
export const NAV_ITEMS: NavItem[] = [
  {
    path: '/workbench',
    label: 'ui.workbench.menu',
    icon: <CheckSquareOutlined />,
    permission: 'workbench.read',
    badge: WorkbenchBadge,
  },
  { path: '/', label: 'ui.nav.dashboard', icon: <DashboardOutlined />, permission: 'dashboard.read' },
  { path: '/pairings', label: 'ui.nav.pairings', icon: <ApartmentOutlined />, permission: 'pairing.read' },
  { path: '/plans', label: 'ui.plans.menu', icon: <FileTextOutlined />, permission: 'plan.read' },
  { path: '/plans/import', label: 'ui.plans.menuImport', icon: <CloudUploadOutlined />, permission: 'plan.import' },
  { path: '/tasks/mine', label: 'ui.tasks.menuMine', icon: <CarryOutOutlined />, permission: 'task.read' },
  { path: '/projects', label: 'ui.nav.projects', icon: <ProjectOutlined />, permission: 'project.read' },
  {
    path: '/projects/stats',
    label: 'ui.nav.projectStats',
    icon: <FundProjectionScreenOutlined />,
    permission: 'project.read',
  },
  { path: '/parks', label: 'ui.nav.parks', icon: <ShopOutlined />, permission: 'park.read' },
  { path: '/events', label: 'ui.nav.events', icon: <CalendarOutlined />, permission: 'event.read' },
  { path: '/listings', label: 'ui.listings.menu', icon: <SwapOutlined />, permission: 'listing.read' },
  {
    path: '/listings/registrations',
    label: 'ui.listings.registrations',
    icon: <SolutionOutlined />,
    permission: 'registration.review',
  },
  {
    path: '/listings/organisation-users',
    label: 'ui.listings.orgUsers',
    icon: <UsergroupAddOutlined />,
    permission: 'organisation_user.manage',
  },
  { path: '/meetings', label: 'ui.tracking.meetingsTitle', icon: <CommentOutlined />, permission: 'meeting.read' },
  {
    path: '/cadre-work',
    label: 'ui.people.cadreWork.menu',
    icon: <SolutionOutlined />,
    permission: 'cadre.read',
    orgDept: 'only',
  },
  {
    path: '/secondments',
    label: 'ui.people.nav.secondments',
    icon: <IdcardOutlined />,
    permission: 'cadre.read',
    orgDept: 'first',
  },
  {
    path: '/trainings',
    label: 'ui.people.nav.trainings',
    icon: <ReadOutlined />,
    permission: 'training.read',
    orgDept: 'first',
  },
  {
    path: '/exchanges',
    label: 'ui.people.nav.exchanges',
    icon: <ExperimentOutlined />,
    permission: 'training.read',
    orgDept: 'first',
  },
  { path: '/replication', label: 'ui.replication.menu', icon: <RetweetOutlined />, permission: 'replication.read' },
  { path: '/news', label: 'ui.portal.newsMenu', icon: <NotificationOutlined />, permission: 'news.read' },
  {
    path: '/portal-figures',
    label: 'ui.portal.figuresTitle',
    icon: <FundOutlined />,
    permission: 'portal.figures',
  },
  { path: '/tracking', label: 'ui.tracking.title', icon: <FlagOutlined />, permission: 'item.read' },
  {
    path: '/tracking/mine',
    label: 'ui.tracking.items.mineTitle',
    icon: <CarryOutOutlined />,
    permission: 'item.progress',
  },
  { path: '/indicators', label: 'ui.indicators.menu', icon: <LineChartOutlined />, permission: 'indicator.read' },
  { path: '/evaluations', label: 'ui.evaluations.menu', icon: <TrophyOutlined />, permission: 'evaluation.read' },
  { path: '/summaries', label: 'ui.summaries.menu', icon: <FileDoneOutlined />, permission: 'summary.read' },
  { path: '/reporting/inbox', label: 'ui.nav.reportInbox', icon: <InboxOutlined />, permission: 'report.fill' },
  { path: '/reporting', label: 'ui.nav.reporting', icon: <ScheduleOutlined />, permission: 'report.read' },
  {
    path: '/programmes',
    label: 'ui.programmes.menu',
    icon: <PartitionOutlined />,
    permission: 'programme.manage',
  },
  { path: '/regions', label: 'ui.nav.regions', icon: <EnvironmentOutlined />, permission: 'region.read' },
  {
    path: '/admin/organisations',
    label: 'ui.nav.organisations',
    icon: <BankOutlined />,
    permission: 'organisation.read',
  },
  { path: '/admin/users', label: 'ui.nav.users', icon: <TeamOutlined />, permission: 'user.read' },
  { path: '/audit', label: 'ui.nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
  { path: '/demo', label: 'ui.demo.menu', icon: <ExperimentOutlined />, permission: 'demo.manage' },
];

/** The menu as a role works: 组织部 alone gets its cadre pages at the top; the others never see its landing. */
function menuFor(roles: readonly Role[]): NavItem[] {
  if (!worksAsOrgDept(roles)) return NAV_ITEMS.filter((item) => item.orgDept !== 'only');
  return [...NAV_ITEMS.filter((item) => item.orgDept), ...NAV_ITEMS.filter((item) => !item.orgDept)];
}

function selectedKey(pathname: string): string {
  const match = NAV_ITEMS.filter((item) => item.path !== '/' && pathname.startsWith(item.path)).sort(
    (a, b) => b.path.length - a.path.length,
  )[0];
  return match?.path ?? (pathname === '/' ? '/' : '');
}

/** The signed-in frame, inside the programme being worked in (its side names, its records). */
export function AppLayout() {
  return (
    <ProgrammeProvider>
      <AppFrame />
    </ProgrammeProvider>
  );
}

function AppFrame() {
  const { t } = useI18n();
  const { current: programme, programmes } = useProgramme();
  const me = useMe();
  const { can, logout } = useSession();
  const message = useMessage();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);
  const [twoFactor, setTwoFactor] = useState(false);
  const [emailNotices, setEmailNotices] = useState(false);
  const { token } = theme.useToken();
  // The menu and the header's tools wait for the page opened first to be drawn (the dashboard's map): their
  // first render is the frame's costliest, and neither changes the size of what is around it.
  const frameDone = useFirstScreenDone();
  // A pending step (new password, second factor) shows instead of the page: nothing to wait for.
  useEffect(() => {
    if (me.pending) releaseFirstScreen();
  }, [me.pending]);

  const menuItems = useMemo<MenuProps['items']>(
    () =>
      // A pending step (new password, second factor) comes first: the server refuses everything else until then.
      menuFor(me.user.roles)
        .filter((item) => !me.pending && can(item.permission))
        .map((item) => ({
          key: item.path,
          icon: item.icon,
          label: (
            <Link to={item.path}>
              {t(item.label)}
              {item.badge && <item.badge />}
            </Link>
          ),
        })),
    [can, t, me.pending, me.user.roles],
  );

  const userMenu: MenuProps = {
    items: [
      { key: 'password', icon: <KeyOutlined />, label: t('ui.header.changePassword') },
      { key: 'two-factor', icon: <SafetyOutlined />, label: t('ui.header.twoFactor') },
      { key: 'email-notices', icon: <MailOutlined />, label: t('ui.header.emailNotices.menu') },
      { type: 'divider' },
      { key: 'logout', icon: <LogoutOutlined />, label: t('ui.header.logout') },
    ],
    onClick: async ({ key }) => {
      if (key === 'password') setChangingPassword(true);
      if (key === 'two-factor') setTwoFactor(true);
      if (key === 'email-notices') setEmailNotices(true);
      if (key === 'logout') {
        await logout();
        message.success(t('ui.header.loggedOut'));
        navigate('/login', { replace: true });
      }
    },
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          paddingInline: 20,
          background: '#8c1c13',
          color: '#fff',
          position: 'sticky',
          top: 0,
          zIndex: 10,
        }}
      >
        <Link to="/" style={{ color: '#fff', display: 'flex', alignItems: 'baseline', gap: 10, minWidth: 0 }}>
          <Typography.Title
            level={4}
            style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}
            data-testid="app-title"
          >
            {t('ui.app.name')}
          </Typography.Title>
          <Typography.Text
            style={{ color: 'rgba(255,255,255,0.75)', whiteSpace: 'nowrap' }}
            ellipsis
            data-testid="app-subtitle"
          >
            {programme?.name ?? t('ui.app.subtitle')}
          </Typography.Text>
        </Link>
        <div style={{ flex: 1 }} />
        {frameDone && (
          <Space size="middle">
            {programmes && programmes.length > 1 && (
              <Suspense fallback={null}>
                <ProgrammeSwitch />
              </Suspense>
            )}
            {(can('report.read') || can('workbench.read')) && <NotificationBell />}
            <LocaleSwitch ghost />
            <Dropdown menu={userMenu} trigger={['click']}>
              <Button type="text" style={{ color: '#fff', height: 'auto' }} data-testid="user-menu">
                <Space size={6}>
                  <UserOutlined />
                  <span data-testid="user-name">{me.user.displayName}</span>
                  <Typography.Text style={{ color: 'rgba(255,255,255,0.7)' }}>
                    {me.user.organisationName}
                  </Typography.Text>
                </Space>
              </Button>
            </Dropdown>
          </Space>
        )}
      </Layout.Header>
      <Layout>
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={200}
          breakpoint="lg"
          theme="light"
          style={{
            borderRight: `1px solid ${token.colorBorderSecondary}`,
            position: 'sticky',
            top: 64,
            height: 'calc(100vh - 64px)',
            overflow: 'auto',
          }}
        >
          {frameDone && (
            <Menu
              mode="inline"
              selectedKeys={[selectedKey(location.pathname)]}
              items={menuItems}
              style={{ borderInlineEnd: 'none' }}
            />
          )}
        </Layout.Sider>
        <Layout.Content style={{ padding: 20, minWidth: 0 }}>
          <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>
            {me.pending ? <PendingStep /> : <Outlet />}
          </Suspense>
        </Layout.Content>
      </Layout>
      {changingPassword && (
        <Suspense fallback={null}>
          <ChangePasswordModal open onClose={() => setChangingPassword(false)} />
        </Suspense>
      )}
      {twoFactor && (
        <Suspense fallback={null}>
          <TwoFactorModal onClose={() => setTwoFactor(false)} />
        </Suspense>
      )}
      {emailNotices && (
        <Suspense fallback={null}>
          <EmailNoticesModal onClose={() => setEmailNotices(false)} />
        </Suspense>
      )}
    </Layout>
  );
}
