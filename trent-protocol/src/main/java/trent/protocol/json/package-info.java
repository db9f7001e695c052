/** Jackson configuration mapping request and response records to AWS JSON 1.1 members. */
package trent.protocol.json;
