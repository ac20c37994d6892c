/** The förbund's public notice board (anslagstavla): justerade protocols with the days of their anslag. */
import type { PublicNotice } from '../../services/decisions/minutes.ts';
import { PublicLayout } from './parts.tsx';

export interface PublicNoticeModel {
  readonly federationId: number;
  readonly federation: string;
  readonly notices: readonly PublicNotice[];
}

export function PublicNoticePage(props: { model: PublicNoticeModel }) {
  const { federation, notices } = props.model;
  const up = notices.filter((n) => n.up);
  const earlier = notices.filter((n) => !n.up);
  const list = (rows: readonly PublicNotice[], caption: string) => (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Styrelsens sammanträde</th>
          <th scope="col">Protokollet justerat</th>
          <th scope="col">Anslaget från</th>
          <th scope="col">Anslaget till och med</th>
          <th scope="col">Protokollet förvaras</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((n) => (
          <tr>
            <td>{n.meetingDate}</td>
            <td>{n.adjustedOn}</td>
            <td>{n.firstDay}</td>
            <td>{n.lastDay}</td>
            <td>{n.keptAt}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <PublicLayout title={`Anslagstavla – ${federation}`}>
      <h1>Anslagstavla – {federation}</h1>
      <p>
        Här tillkännages att förbundsstyrelsens protokoll har justerats. Den som vill överklaga ett beslut genom laglighetsprövning
        (kommunallagen 13 kap.) ska göra det skriftligt till förvaltningsrätten inom tre veckor från den dag då tillkännagivandet anslogs.
      </p>
      {up.length ? list(up, 'Anslagna just nu') : <p>Inga protokoll är anslagna just nu.</p>}
      {earlier.length ? list(earlier, 'Tidigare anslag') : null}
    </PublicLayout>
  );
}
