import { Link } from 'react-router';
import { Page } from '../components/page';
import { Empty } from '../components/states';

export function NotFoundPage({ operatorOnly = false }: { operatorOnly?: boolean }) {
  return (
    <Page title={operatorOnly ? 'Operator only' : 'Page not found'}>
      <Empty>
        {operatorOnly ? 'This page needs the operator key. Sign out and sign in with it.' : 'There is no such page.'} <Link to="/catalog">Back to the catalog</Link>
      </Empty>
    </Page>
  );
}
