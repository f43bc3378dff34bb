import { audienceOf } from '@candor/domain';
import { useMember } from '../me/current-member';
import { AgencyDashboard } from './agency-dashboard';
import { AssistantDashboard } from './assistant-dashboard';
import { ClientDashboard } from './client-dashboard';

/** One address, "/", and the dashboard of the member's audience. */
export function DashboardPage() {
  const member = useMember();
  switch (audienceOf(member.role)) {
    case 'agency':
      return <AgencyDashboard />;
    case 'assistant':
      return <AssistantDashboard />;
    case 'client':
      return <ClientDashboard />;
  }
}
