// the deadline record is the platform's (libs/domain/src/deadlines); penalty modules import it from here too
export * from '../deadlines/deadline-record';
