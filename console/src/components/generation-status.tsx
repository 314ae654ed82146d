import { Badge } from './page';

const TONE: Record<string, 'good' | 'bad' | 'neutral' | 'warn'> = { succeeded: 'good', failed: 'bad', cancelled: 'neutral' };

export const GenerationStatus = ({ status }: { status: string }) => <Badge tone={TONE[status] ?? 'warn'}>{status}</Badge>;
