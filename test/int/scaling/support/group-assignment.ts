import { AssignerProtocol, type Admin } from 'kafkajs';

export interface GroupMember {
  memberId: string;
  clientId: string;
  /** partitions of the topic asked about assigned to this member */
  partitions: number[];
}

export interface GroupAssignment {
  state: string;
  members: GroupMember[];
}

/** Who in a consumer group owns which partitions of `topic`, as the group coordinator says (`kafka-consumer-groups --describe`). */
export async function groupAssignment(admin: Admin, groupId: string, topic: string): Promise<GroupAssignment> {
  const { groups } = await admin.describeGroups([groupId]);
  const group = groups[0];
  if (!group) return { state: 'Unknown', members: [] };
  const members = group.members.map((m) => {
    const decoded = m.memberAssignment.length > 0 ? AssignerProtocol.MemberAssignment.decode(m.memberAssignment) : null;
    const partitions = [...(decoded?.assignment[topic] ?? [])].sort((a, b) => a - b);
    return { memberId: m.memberId, clientId: m.clientId, partitions };
  });
  return { state: group.state, members: members.sort((a, b) => a.clientId.localeCompare(b.clientId)) };
}
