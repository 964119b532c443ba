import type { LeadCard } from '../../api/types';

/** A text property of the card's person (the contract leaves the person object open). */
export function personText(card: LeadCard, name: string): string {
  const value = card.person[name];
  return typeof value === 'string' ? value : '';
}

/** "Dr. Thomas Lindner" (the salutation stays apart, as the agent speaks it: "Herr Dr. Lindner"). */
export function personName(card: LeadCard): string {
  return [personText(card, 'title'), personText(card, 'first_name'), personText(card, 'last_name')].filter(Boolean).join(' ');
}
