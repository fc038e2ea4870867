/** What a call needs for the rule below: its status and its window. */
export type CallWindow = { status: string; opensAt: Date; closesAt: Date };

/** A call takes applications while published, from its opening up to (not including) its closing instant. */
export const isCallOpen = (call: CallWindow, now: Date = new Date()) => call.status === 'published' && call.opensAt <= now && now < call.closesAt;
